package io.strangler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The objects one kustomization renders.
 *
 * @param source  the kustomization's folder
 * @param objects every rendered object, as parsed YAML
 */
record Rendered(Path source, List<JsonNode> objects) {

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    /** Deployments and StatefulSets: the landscape's own workloads (operators run the rest). */
    Stream<JsonNode> workloads() {
        return objects.stream().filter(o -> o.path("kind").asText().matches("Deployment|StatefulSet"));
    }

    @Override
    public String toString() {
        return source.getFileName().toString();
    }
}
