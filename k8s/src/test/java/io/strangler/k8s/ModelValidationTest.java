package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object is validated: core and Strimzi kinds against their published models (unknown fields fail),
 * CloudNativePG and Istio kinds, which have no Java model here, for the fields the landscape relies on.
 */
class ModelValidationTest {

    /** Kinds checked field by field below. */
    private static final Set<String> FIELD_CHECKED = Set.of("postgresql.cnpg.io/v1/Cluster",
            "networking.istio.io/v1/DestinationRule", "security.istio.io/v1/PeerAuthentication");

    static Stream<Rendered> overlays() {
        return Overlays.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectFitsItsModel(Rendered overlay) {
        List<String> failures = new ArrayList<>();
        for (JsonNode object : overlay.objects()) {
            if (FIELD_CHECKED.contains(StrictModel.type(object))) {
                continue;
            }
            try {
                StrictModel.bind(object);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as("objects of %s that do not fit their model", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void cloudNativePgClustersHaveTheFieldsTheLandscapeUses(Rendered overlay) {
        overlay.ofKind("Cluster").forEach(cluster -> {
            String name = Rendered.describe(cluster);
            assertThat(cluster.path("apiVersion").asText()).as(name).isEqualTo("postgresql.cnpg.io/v1");
            JsonNode spec = cluster.path("spec");
            assertThat(fieldNames(spec)).as("%s spec fields", name).isSubsetOf("instances", "enableSuperuserAccess",
                    "postgresql", "bootstrap", "storage", "resources", "imageName", "affinity", "monitoring");
            assertThat(spec.path("instances").isInt() && spec.path("instances").asInt() >= 1).as(name + " instances")
                    .isTrue();
            assertThat(spec.path("storage").path("size").asText()).as(name + " storage.size").matches("\\d+[GM]i");
            JsonNode initdb = spec.path("bootstrap").path("initdb");
            assertThat(initdb.path("database").asText()).as(name + " bootstrap.initdb.database").isNotBlank();
            assertThat(initdb.path("owner").asText()).as(name + " bootstrap.initdb.owner").isNotBlank();
            assertThat(spec.path("resources").path("limits").path("memory").asText()).as(name + " memory limit")
                    .isNotBlank();
            spec.path("postgresql").path("parameters").forEach(value ->
                    assertThat(value.isTextual()).as("%s: PostgreSQL parameters are strings", name).isTrue());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void istioObjectsHaveTheFieldsTheMeshUses(Rendered overlay) {
        Set<String> services = new java.util.HashSet<>();
        overlay.ofKind("Service").forEach(s -> services.add(Rendered.name(s)));
        overlay.ofKind("DestinationRule").forEach(rule -> {
            String name = Rendered.describe(rule);
            assertThat(rule.path("apiVersion").asText()).as(name).isEqualTo("networking.istio.io/v1");
            assertThat(services).as(name + " host is a Service").contains(rule.path("spec").path("host").asText());
            JsonNode policy = rule.path("spec").path("trafficPolicy");
            assertThat(fieldNames(policy)).as(name).containsExactlyInAnyOrder("tls", "connectionPool",
                    "outlierDetection");
            assertThat(fieldNames(policy.path("connectionPool"))).as(name).isSubsetOf("tcp", "http");
            assertThat(fieldNames(policy.path("connectionPool").path("http"))).as(name)
                    .isSubsetOf("http1MaxPendingRequests", "http2MaxRequests", "maxRequestsPerConnection", "maxRetries");
            assertThat(fieldNames(policy.path("outlierDetection"))).as(name).isSubsetOf("consecutive5xxErrors",
                    "consecutiveGatewayErrors", "interval", "baseEjectionTime", "maxEjectionPercent");
        });
        overlay.ofKind("PeerAuthentication").forEach(auth -> {
            assertThat(auth.path("apiVersion").asText()).isEqualTo("security.istio.io/v1");
            assertThat(auth.path("spec").path("mtls").path("mode").asText()).as(Rendered.describe(auth))
                    .isEqualTo("STRICT");
        });
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
