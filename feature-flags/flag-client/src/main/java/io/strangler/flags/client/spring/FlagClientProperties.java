package io.strangler.flags.client.spring;

import io.strangler.flags.client.FlagClientOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code strangler.flags.client.*}: where the flag service is and how to stay in touch with it.
 *
 * @param baseUrl           the flag service, e.g. {@code http://localhost:8084}; the client is created only when set
 * @param username          HTTP Basic user (a VIEWER suffices)
 * @param password          its password
 * @param snapshotFile      where the last good snapshot is kept (fail-static); none when unset
 * @param pollInterval      poll period while the stream is down (default 5 s)
 * @param initialBackoff    first stream reconnect delay (default 250 ms), doubled per failure
 * @param maxBackoff        reconnect delay cap (default 10 s)
 * @param streamIdleTimeout reconnect when the stream is silent this long (default 35 s)
 */
@ConfigurationProperties("strangler.flags.client")
public record FlagClientProperties(URI baseUrl, String username, String password, Path snapshotFile,
                                   Duration pollInterval, Duration initialBackoff, Duration maxBackoff,
                                   Duration streamIdleTimeout) {

    public FlagClientProperties {
        pollInterval = pollInterval == null ? FlagClientOptions.DEFAULT_POLL_INTERVAL : pollInterval;
        initialBackoff = initialBackoff == null ? FlagClientOptions.DEFAULT_INITIAL_BACKOFF : initialBackoff;
        maxBackoff = maxBackoff == null ? FlagClientOptions.DEFAULT_MAX_BACKOFF : maxBackoff;
        streamIdleTimeout = streamIdleTimeout == null ? FlagClientOptions.DEFAULT_STREAM_IDLE_TIMEOUT : streamIdleTimeout;
    }
}
