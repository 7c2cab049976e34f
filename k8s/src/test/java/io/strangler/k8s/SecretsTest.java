package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets are referenced, never rendered; each one an operator must create is documented. */
class SecretsTest {

    private static final Path GUIDE = Overlays.K8S.getParent().resolve("docs/kubernetes.md");

    static Stream<Rendered> overlays() {
        return Overlays.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretIsRendered(Rendered overlay) {
        assertThat(overlay.ofKind("Secret").map(Rendered::describe)).as("Secrets in the manifests").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretNotGeneratedByCloudNativePgIsInTheGuide(Rendered overlay) throws IOException {
        String guide = Files.readString(GUIDE);
        Set<String> generated = new TreeSet<>();
        overlay.ofKind("Cluster").forEach(c -> {
            generated.add(Rendered.name(c) + "-app");
            if (c.path("spec").path("enableSuperuserAccess").asBoolean()) {
                generated.add(Rendered.name(c) + "-superuser");
            }
        });
        Set<String> referenced = referenced(overlay);
        assertThat(referenced).as("Secrets referenced").isNotEmpty();
        referenced.stream().filter(s -> !generated.contains(s)).forEach(secret ->
                assertThat(guide).as("Secret %s of %s documented in %s", secret, overlay, GUIDE)
                        .contains("`" + secret + "`"));
    }

    /** secretKeyRef names anywhere (workloads, Connect's env), Ingress TLS and image push Secrets. */
    private static Set<String> referenced(Rendered overlay) {
        Set<String> names = new TreeSet<>();
        overlay.objects().forEach(o -> {
            o.findValues("secretKeyRef").forEach(ref -> names.add(ref.path("name").asText()));
            o.findValues("pushSecret").forEach(ref -> names.add(ref.asText()));
            if ("Ingress".equals(o.path("kind").asText())) {
                o.path("spec").path("tls").forEach(tls -> names.add(tls.path("secretName").asText()));
            }
        });
        return names;
    }
}
