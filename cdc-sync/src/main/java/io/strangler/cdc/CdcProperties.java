package io.strangler.cdc;

import io.strangler.cdc.ownership.Ownership;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the sync ({@code cdc.*}).
 *
 * @param dataDir          folder for durable state: Debezium offsets ({@code offsets-<source>.dat}) and the ownership
 *                         file; created if missing
 * @param bootstrapServers Kafka bootstrap servers
 * @param sources          source databases by name ({@code legacy}, {@code catalog}); each is captured, and is the
 *                         target of the mappings pointing at it
 * @param deadLetterTopic  topic that receives changes that could not be mapped or applied, with the reason in headers
 * @param consumerGroup    Kafka consumer group prefix of the appliers (one group per direction)
 * @param ownership        initial owner per logical table (e.g. {@code products: LEGACY}); changed at runtime through
 *                         the API and then kept in {@code dataDir}
 * @param api              credentials of the ownership API (HTTP Basic); no default on purpose
 */
@Validated
@ConfigurationProperties("cdc")
public record CdcProperties(
        @NotNull Path dataDir,
        @NotBlank String bootstrapServers,
        @NotEmpty Map<String, @Valid SourceDatabase> sources,
        @NotBlank String deadLetterTopic,
        @NotBlank String consumerGroup,
        @NotNull Map<String, Ownership> ownership,
        @NotNull @Valid Api api) {

    /**
     * One database that is captured (and written to by the mappings that target it).
     *
     * @param jdbcUrl     {@code jdbc:postgresql://host:port/db}
     * @param username    a user allowed to replicate (and to create the publication and slot)
     * @param password    its password (may be empty for the embedded server)
     * @param topicPrefix Debezium {@code topic.prefix}: topics are {@code <prefix>.<schema>.<table>}
     * @param slotName    replication slot name, unique on the PostgreSQL server
     * @param tables      captured tables as {@code schema.table}; the sync adds its own {@code public.cdc_origin}
     */
    public record SourceDatabase(
            @NotBlank @Pattern(regexp = "jdbc:postgresql://.+", message = "must be a jdbc:postgresql:// URL") String jdbcUrl,
            @NotBlank String username,
            @NotNull String password,
            @NotBlank String topicPrefix,
            @NotBlank @Pattern(regexp = "[a-z0-9_]{1,63}", message = "must be lower-case letters, digits, '_'") String slotName,
            @NotEmpty List<@Pattern(regexp = "[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*") String> tables) {
    }

    /**
     * Credentials for the changing endpoints of the API.
     *
     * @param username HTTP Basic user
     * @param password HTTP Basic password
     */
    public record Api(@NotBlank String username, @NotBlank String password) {
    }
}
