package io.strangler.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads where the local infrastructure lives and whether an external server has been configured instead.
 *
 * <p>The keys are the standard ones every service reads, so that one setting points tests, the demo and the
 * services at the same external server: {@code SPRING_DATASOURCE_URL} / {@code spring.datasource.url} and
 * {@code KAFKA_BOOTSTRAP_SERVERS} / {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} / {@code spring.kafka.bootstrap-servers}.
 * System properties win over environment variables.
 */
public final class InfraSettings {

    /** System property naming the folder where embedded servers unpack binaries and keep their data. */
    public static final String WORK_DIR_PROPERTY = "strangler.work-dir";
    /** Used when {@link #WORK_DIR_PROPERTY} is not set: a folder of the current directory, never the system temp folder. */
    public static final String DEFAULT_WORK_DIR = "target/local-infra";

    private final Map<String, String> env;
    private final Map<String, String> props;

    private InfraSettings(Map<String, String> env, Map<String, String> props) {
        this.env = env;
        this.props = props;
    }

    /** Settings of this process: its system properties and environment. */
    public static InfraSettings fromProcess() {
        Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return new InfraSettings(System.getenv(), props);
    }

    /** Settings from explicit maps, for tests and embedding. */
    public static InfraSettings of(Map<String, String> env, Map<String, String> systemProperties) {
        return new InfraSettings(Map.copyOf(env), Map.copyOf(systemProperties));
    }

    /** The folder for embedded servers' binaries and data. */
    public Path workDir() {
        return Path.of(props.getOrDefault(WORK_DIR_PROPERTY, DEFAULT_WORK_DIR)).toAbsolutePath();
    }

    /** An external PostgreSQL to use instead of starting one, if configured. */
    public Optional<PostgresDatabase> externalPostgres() {
        return first("spring.datasource.url", "SPRING_DATASOURCE_URL").map(url -> new PostgresDatabase(
                databaseName(url), url,
                first("spring.datasource.username", "SPRING_DATASOURCE_USERNAME").orElse("postgres"),
                first("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD").orElse("")));
    }

    /** External Kafka bootstrap servers to use instead of starting a broker, if configured. */
    public Optional<String> externalKafka() {
        return first("spring.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS")
                .or(() -> first("spring.kafka.bootstrap-servers", "SPRING_KAFKA_BOOTSTRAP_SERVERS"));
    }

    private Optional<String> first(String property, String envVar) {
        String value = props.get(property);
        if (value == null || value.isBlank()) {
            value = env.get(envVar);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::trim);
    }

    static String databaseName(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: '" + jdbcUrl
                    + "'. Expected jdbc:postgresql://host:port/database");
        }
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }
}
