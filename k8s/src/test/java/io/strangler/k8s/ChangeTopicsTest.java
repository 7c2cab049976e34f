package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KafkaTopics are the topics cdc-sync reads and writes, derived from its own application.yaml
 * ({@code <topic-prefix>.<schema>.<table>} of every source, and the dead-letter topic), not a copied list.
 */
class ChangeTopicsTest {

    private static final Path CDC_CONFIG = Overlays.K8S.getParent()
            .resolve("cdc-sync/src/main/resources/application.yaml");

    static Stream<Rendered> overlays() {
        return Overlays.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicOfCdcSyncIsDeclared(Rendered overlay) throws IOException {
        assertThat(topics(overlay)).containsAll(cdcSyncTopics());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noTopicForTheMarkerTableSinceTheEchoFilterDropsItsChangesOnEveryPath(Rendered overlay) {
        assertThat(topics(overlay)).noneMatch(topic -> topic.endsWith(".public.cdc_origin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicBelongsToTheDeclaredKafkaCluster(Rendered overlay) {
        Set<String> clusters = new TreeSet<>();
        overlay.ofKind("Kafka").forEach(k -> clusters.add(Rendered.name(k)));
        overlay.ofKind("KafkaTopic").forEach(t -> assertThat(clusters).as(Rendered.describe(t))
                .contains(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()));
        overlay.ofKind("KafkaNodePool").forEach(p -> assertThat(clusters).as(Rendered.describe(p))
                .contains(p.path("metadata").path("labels").path("strimzi.io/cluster").asText()));
    }

    private static Set<String> topics(Rendered overlay) {
        Set<String> names = new TreeSet<>();
        overlay.ofKind("KafkaTopic").forEach(t -> names.add(t.path("spec").path("topicName").asText()));
        return names;
    }

    /** From cdc-sync's application.yaml (every profile document). */
    private static Set<String> cdcSyncTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        YAMLMapper yaml = new YAMLMapper();
        try (var docs = yaml.readValues(yaml.createParser(CDC_CONFIG.toFile()), JsonNode.class)) {
            while (docs.hasNextValue()) {
                JsonNode cdc = docs.nextValue().path("cdc");
                if (cdc.has("dead-letter-topic")) {
                    topics.add(cdc.path("dead-letter-topic").asText());
                }
                cdc.path("sources").forEach(source -> {
                    String prefix = source.path("topic-prefix").asText();
                    source.path("tables").forEach(table -> topics.add(prefix + "." + table.asText()));
                });
            }
        }
        assertThat(topics).as("topics read from " + CDC_CONFIG).hasSizeGreaterThan(5);
        return topics;
    }
}
