package io.strangler.flags.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link FlagClient}. Build through {@link FlagClient#builder(URI)}.
 *
 * @param baseUri           the flag service, e.g. {@code http://localhost:8084}; never null
 * @param username          HTTP Basic user (a VIEWER is enough), or null for none
 * @param password          its password, or null
 * @param snapshotFile      where to keep the last good snapshot, or null for none
 * @param pollInterval      how often to poll while the event stream is down
 * @param initialBackoff    first delay before reconnecting the stream; doubles per failure
 * @param maxBackoff        cap of the reconnect delay
 * @param connectTimeout    TCP connect timeout
 * @param requestTimeout    timeout of a snapshot fetch
 * @param streamIdleTimeout reconnect when the stream was silent (no event, no heartbeat) for this long
 */
public record FlagClientOptions(URI baseUri, String username, String password, Path snapshotFile,
                                Duration pollInterval, Duration initialBackoff, Duration maxBackoff,
                                Duration connectTimeout, Duration requestTimeout, Duration streamIdleTimeout) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Three of the flag service's default 10 s heartbeats. */
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(35);

    public FlagClientOptions {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("flag service URI must be http(s)://host:port, got " + baseUri);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("give both a username and a password, or neither");
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(streamIdleTimeout, "streamIdleTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    /** Fluent builder with the {@code DEFAULT_*} values preset. */
    public static final class Builder {
        private final URI baseUri;
        private String username;
        private String password;
        private Path snapshotFile;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        Builder(URI baseUri) {
            this.baseUri = baseUri;
        }

        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder snapshotFile(Path snapshotFile) {
            this.snapshotFile = snapshotFile;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = streamIdleTimeout;
            return this;
        }

        /** The clock for staleness and receive times; tests only. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public FlagClientOptions options() {
            return new FlagClientOptions(baseUri, username, password, snapshotFile, pollInterval, initialBackoff,
                    maxBackoff, connectTimeout, requestTimeout, streamIdleTimeout);
        }

        /** Builds the client; call {@link FlagClient#start()} to connect. */
        public FlagClient build() {
            return new FlagClient(options(), clock);
        }
    }
}
