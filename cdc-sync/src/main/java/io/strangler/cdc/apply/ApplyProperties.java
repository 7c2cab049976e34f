package io.strangler.cdc.apply;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the appliers of this process share the work ({@code cdc.apply.*}).
 *
 * @param workers appliers per direction and target database in this process (1-16, default 2). They join one
 *                consumer group, so Kafka spreads the change topics' partitions over them; a row's changes share a
 *                partition (the key is the primary key), so per-row order holds. The change topics the sync creates
 *                get this many partitions; a topic that already exists keeps its count (a warning says when it has
 *                fewer partitions than workers, who then stay idle). With several processes (Kubernetes), give the
 *                topics at least workers x replicas partitions.
 * @param instance what tells this process from others running the same appliers, in the names of the workers' origin
 *                 marker rows ({@code cdc-sync-<applier>-<worker>@<instance>}), so that processes never share one
 *                 (default {@code ${HOSTNAME:}}: the pod name on Kubernetes; empty when unset, as in a plain shell,
 *                 which is fine for one process). Rows of instances that no longer run stay in {@code cdc_origin}.
 */
@Validated
@ConfigurationProperties("cdc.apply")
public record ApplyProperties(@DefaultValue("2") @Min(1) @Max(16) int workers,
        @DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]{0,63}",
                message = "must be up to 63 letters, digits, '.', '_', '-'") String instance) {
}
