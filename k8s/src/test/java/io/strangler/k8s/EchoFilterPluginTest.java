package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On Kafka Connect the sync's own writes are dropped by the same echo filter transform as in cdc-sync's embedded engine
 * (module cdc-sync/echo-filter): every rendered KafkaConnector applies it, and every KafkaConnect that Strimzi builds
 * puts the plugin, at the release of this build's version, into its image.
 */
class EchoFilterPluginTest {

    private static final String TRANSFORM = "io.strangler.cdc.echo.EchoFilter";
    private static final Path PLUGIN_POM = Overlays.K8S.getParent().resolve("cdc-sync/echo-filter/pom.xml");

    static Stream<Rendered> overlays() {
        return Overlays.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConnectorAppliesTheEchoFilter(Rendered overlay) {
        overlay.ofKind("KafkaConnector").forEach(connector -> {
            JsonNode config = connector.path("spec").path("config");
            String alias = "echo";
            assertThat(List.of(config.path("transforms").asText().split("\\s*,\\s*")))
                    .as(Rendered.describe(connector)).contains(alias);
            assertThat(config.path("transforms." + alias + ".type").asText()).as(Rendered.describe(connector))
                    .isEqualTo(TRANSFORM);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyBuiltConnectImageCarriesTheEchoFilterPlugin(Rendered overlay) throws IOException {
        String release = pluginVersion().replace("-SNAPSHOT", "");
        for (JsonNode connect : overlay.ofKind("KafkaConnect").toList()) {
            if (!connect.path("spec").has("build")) {
                continue; // spec.image: an image built elsewhere, k8s/README.md says what it must contain
            }
            List<JsonNode> echoFilters = new ArrayList<>();
            connect.path("spec").path("build").path("plugins").forEach(plugin -> plugin.path("artifacts")
                    .forEach(artifact -> {
                        if ("cdc-echo-filter".equals(artifact.path("artifact").asText())) {
                            echoFilters.add(artifact);
                        }
                    }));
            assertThat(echoFilters).as(Rendered.describe(connect)).singleElement().satisfies(artifact -> {
                assertThat(artifact.path("type").asText()).isEqualTo("maven");
                assertThat(artifact.path("group").asText()).isEqualTo("io.strangler");
                assertThat(artifact.path("version").asText()).isEqualTo(release);
                assertThat(artifact.path("repository").asText()).as("the repository it is released to")
                        .startsWith("https://");
            });
        }
    }

    /** The echo filter module's version: its parent's, the reactor's. */
    private static String pluginVersion() throws IOException {
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL)
                .matcher(Files.readString(PLUGIN_POM));
        assertThat(parent.find()).as("parent version in " + PLUGIN_POM).isTrue();
        return parent.group(1).trim();
    }
}
