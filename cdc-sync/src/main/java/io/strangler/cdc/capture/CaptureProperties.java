package io.strangler.cdc.capture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this process runs the embedded Debezium capture ({@code cdc.capture.*}).
 *
 * @param enabled true (default): one embedded engine per source, as on one machine. false: appliers only — the
 *                capture runs elsewhere (Kafka Connect with the same connector configuration, see k8s/README.md),
 *                and no replication slot or offsets file is touched by this process
 */
@ConfigurationProperties("cdc.capture")
public record CaptureProperties(@DefaultValue("true") boolean enabled) {
}
