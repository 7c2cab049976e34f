package io.strangler.flags.service.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code strangler.flags.stream.*}: the server-sent events stream.
 *
 * @param heartbeat how often an idle stream gets a {@code heartbeat} event (default 10 s; clients reconnect after
 *                  about three missed ones)
 * @param timeout   how long one stream stays open before the server ends it and the client reconnects (default 30 min)
 */
@Validated
@ConfigurationProperties("strangler.flags.stream")
record StreamProperties(Duration heartbeat, Duration timeout) {

    StreamProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        if (heartbeat.isNegative() || heartbeat.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("strangler.flags.stream.heartbeat and .timeout must be positive");
        }
    }
}
