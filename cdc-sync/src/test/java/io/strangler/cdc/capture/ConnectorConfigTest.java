package io.strangler.cdc.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.cdc.CdcProperties.SourceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka Connect path (k8s/components/cdc-kafka-connect) must capture exactly as the embedded engine does, so the
 * topics keep their names, keys and envelope when capture moves: each KafkaConnector's configuration is compared
 * with {@link DebeziumSettings} for the same source, as configured in application.yaml.
 */
class ConnectorConfigTest {

    private static final Path COMPONENT = Path.of("..", "k8s", "components", "cdc-kafka-connect");
    private static final Path CONNECTORS = COMPONENT.resolve("kafka-connectors.yaml");
    /**
     * Only the embedded engine has these: its file offset store and name, its JSON format's own switch, and its
     * record processing pool (one thread, so the echo filter sees the records in order; Connect's task thread does).
     */
    private static final Set<String> EMBEDDED_ONLY = Set.of("name", "offset.storage", "offset.storage.file.filename",
            "offset.flush.interval.ms", "converter.schemas.enable", "record.processing.threads");
    /** Where the database is and who connects: the overlays and the worker's environment say. */
    private static final Set<String> PER_DEPLOYMENT = Set.of("database.hostname", "database.port", "database.dbname",
            "database.user", "database.password");

    @ParameterizedTest
    @ValueSource(strings = {"legacy", "catalog", "orders"})
    void connectorOnKafkaConnectIsConfiguredAsTheEmbeddedEngine(String source) throws IOException {
        Properties embedded = DebeziumSettings.of(source, sources().get(source), Path.of("data"));
        Map<String, String> connector = config(CONNECTORS, "KafkaConnector", "cdc-sync-" + source);

        Map<String, String> expected = new TreeMap<>();
        embedded.stringPropertyNames().stream().filter(k -> !EMBEDDED_ONLY.contains(k) && !PER_DEPLOYMENT.contains(k))
                .forEach(k -> expected.put(k, embedded.getProperty(k)));
        expected.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        expected.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        Map<String, String> actual = new TreeMap<>(connector);
        PER_DEPLOYMENT.forEach(actual::remove);
        assertThat(actual).isEqualTo(expected);
        assertThat(connector).containsKeys(PER_DEPLOYMENT.toArray(String[]::new));
        // a worker setting on Connect: how much a restart may re-send
        assertThat(config(COMPONENT.resolve("kafka-connect.yaml"), "KafkaConnect", "cdc-connect"))
                .containsEntry("offset.flush.interval.ms", embedded.getProperty("offset.flush.interval.ms"));
    }

    /** cdc.sources of application.yaml: the default document and the orders profile's. */
    private static Map<String, SourceDatabase> sources() throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"));
        Map<String, SourceDatabase> sources = new TreeMap<>();
        for (PropertySource<?> document : documents) {
            Binder binder = new Binder(ConfigurationPropertySources.from(document),
                    new PropertySourcesPlaceholdersResolver(List.of(document)));
            binder.bind("cdc.sources", Bindable.mapOf(String.class, SourceDatabase.class)).ifBound(sources::putAll);
        }
        return sources;
    }

    @SuppressWarnings("unchecked")
    /** spec.config of one Strimzi resource (with a KafkaConnector's spec.class as connector.class). */
    private static Map<String, String> config(Path file, String kind, String name) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object doc : new Yaml().loadAll(in)) {
                if (doc instanceof Map<?, ?> object && kind.equals(object.get("kind"))
                        && name.equals(((Map<String, Object>) object.get("metadata")).get("name"))) {
                    found.add((Map<String, Object>) object);
                }
            }
        }
        assertThat(found).as("%s %s in %s", kind, name, file).hasSize(1);
        Map<String, Object> spec = (Map<String, Object>) found.get(0).get("spec");
        Map<String, String> out = new TreeMap<>();
        ((Map<String, Object>) spec.get("config")).forEach((k, v) -> out.put(k, String.valueOf(v)));
        if (spec.containsKey("class")) {
            out.put("connector.class", String.valueOf(spec.get("class")));
        }
        return out;
    }
}
