package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every overlay must hold, whatever a later patch changes. */
class InvariantsTest {

    private static final String GATEWAY = "strangler-gateway";

    static Stream<Rendered> overlays() {
        return Overlays.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasProbesOnActuatorHealthGroupsLimitsAndANonRootSecurityContext(Rendered overlay) {
        overlay.workloads().forEach(w -> {
            PodSpec pod = podSpec(w);
            for (Container c : pod.getContainers()) {
                String where = Rendered.describe(w) + " container " + c.getName();
                assertThat(path(c.getReadinessProbe())).as(where + " readiness").isEqualTo("/actuator/health/readiness");
                assertThat(path(c.getLivenessProbe())).as(where + " liveness").isEqualTo("/actuator/health/liveness");
                assertThat(c.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(c.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                assertNonRoot(where, pod.getSecurityContext(), c.getSecurityContext());
                assertThat(probesEnabled(overlay, c)).as(where + ": the probes' health groups need "
                        + "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true in its ConfigMap").isTrue();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadHasAPodDisruptionBudgetSelectingIt(Rendered overlay) {
        List<PodDisruptionBudget> budgets = overlay.ofKind("PodDisruptionBudget")
                .map(o -> StrictModel.bind(o, PodDisruptionBudget.class)).toList();
        overlay.workloads().forEach(w -> {
            Map<String, String> labels = podLabels(w);
            assertThat(budgets).as(Rendered.describe(w) + " has a PodDisruptionBudget")
                    .anyMatch(pdb -> labels.entrySet().containsAll(
                            pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewaysFrontDoorIsExposed(Rendered overlay) {
        overlay.ofKind("Service").forEach(s -> {
            String type = s.path("spec").path("type").asText("ClusterIP");
            if (!GATEWAY.equals(Rendered.name(s))) {
                assertThat(type).as(Rendered.describe(s) + " type").isEqualTo("ClusterIP");
            }
        });
        overlay.ofKind("Ingress").map(o -> StrictModel.bind(o, Ingress.class)).forEach(ingress ->
                ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> {
                    assertThat(p.getBackend().getService().getName()).as("Ingress backend").isEqualTo(GATEWAY);
                    assertThat(p.getBackend().getService().getPort().getName()).as("gateway port").isEqualTo("http");
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsOneTheBuildProduces(Rendered overlay) {
        Set<String> built = BuiltImages.fromReactor(Overlays.K8S.getParent());
        assertThat(built).as("images with Jib config in the reactor").contains("strangler/" + GATEWAY);
        Set<String> allowed = new TreeSet<>(built);
        overlay.workloads().forEach(w -> podSpec(w).getContainers().forEach(c ->
                assertThat(repository(c.getImage())).as(Rendered.describe(w) + " image " + c.getImage()
                        + " (a module whose pom lists jib-maven-plugin builds strangler/<artifactId>)").isIn(allowed)));
        Set<String> used = new TreeSet<>();
        overlay.workloads().forEach(w -> podSpec(w).getContainers().forEach(c -> used.add(repository(c.getImage()))));
        assertThat(used).as("every image the build produces is deployed").containsAll(built);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapAWorkloadReadsIsRendered(Rendered overlay) {
        Set<String> maps = new TreeSet<>();
        overlay.ofKind("ConfigMap").forEach(m -> maps.add(Rendered.name(m)));
        overlay.workloads().forEach(w -> {
            PodSpec pod = podSpec(w);
            pod.getContainers().forEach(c -> c.getEnvFrom().forEach(e ->
                    assertThat(maps).as(Rendered.describe(w)).contains(e.getConfigMapRef().getName())));
            pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).forEach(v ->
                    assertThat(maps).as(Rendered.describe(w)).contains(v.getConfigMap().getName()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceSelectsAWorkloadAndEveryPortIsLetInByANetworkPolicy(Rendered overlay) {
        assertThat(overlay.find("NetworkPolicy", "default-deny-ingress")).as("default deny").isPresent();
        overlay.ofKind("Service").forEach(s -> {
            String app = s.path("spec").path("selector").path("app.kubernetes.io/name").asText();
            assertThat(overlay.workloads().map(InvariantsTest::podLabels))
                    .as(Rendered.describe(s) + " selects a workload").anyMatch(l -> app.equals(l.get("app.kubernetes.io/name")));
            s.path("spec").path("ports").forEach(port -> assertThat(allowedPorts(overlay, app))
                    .as(Rendered.describe(s) + " port " + port.path("port")).contains(port.path("port").asInt()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayFrontDoorAdmitsAnotherNamespaceThanMonitoring(Rendered overlay) {
        overlay.ofKind("NetworkPolicy").forEach(np -> np.path("spec").path("ingress").forEach(rule ->
                rule.path("from").forEach(peer -> {
                    JsonNode ns = peer.path("namespaceSelector");
                    if (ns.isMissingNode()) {
                        return;
                    }
                    String namespace = ns.path("matchLabels").path("kubernetes.io/metadata.name").asText();
                    boolean frontDoor = Rendered.name(np).equals(GATEWAY)
                            && rule.path("ports").get(0).path("port").asInt() == 8080;
                    assertThat(namespace).as(Rendered.describe(np) + " admits namespace")
                            .isIn(frontDoor ? Set.of("ingress-nginx") : Set.of("monitoring", "cnpg-system"));
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void embeddedCaptureRunsOnceAndKafkaConnectCapturesOtherwise(Rendered overlay) {
        JsonNode cdc = overlay.find("StatefulSet", "cdc-sync").orElseThrow();
        boolean embedded = Boolean.parseBoolean(configValue(overlay, "cdc-sync", "CDC_CAPTURE_ENABLED"));
        if (embedded) {
            // two embedded engines on one slot would fight over it; a StatefulSet never runs two pods of one ordinal
            assertThat(cdc.path("spec").path("replicas").asInt()).as("cdc-sync replicas with embedded capture")
                    .isEqualTo(1);
            assertThat(overlay.ofKind("KafkaConnector")).as("no second capture").isEmpty();
        } else {
            assertThat(overlay.ofKind("KafkaConnector").map(Rendered::name))
                    .containsExactlyInAnyOrder("cdc-sync-legacy", "cdc-sync-catalog", "cdc-sync-orders");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void databasesComeFromCloudNativePgInDevAndFromOutsideInProd(Rendered overlay) {
        List<String> urls = new ArrayList<>();
        overlay.ofKind("ConfigMap").forEach(m -> m.path("data").fields().forEachRemaining(e -> {
            if (e.getValue().asText().startsWith("jdbc:postgresql://")) {
                urls.add(e.getValue().asText());
            }
        }));
        assertThat(urls).hasSizeGreaterThanOrEqualTo(7);
        Set<String> clusters = new TreeSet<>();
        overlay.ofKind("Cluster").forEach(c -> clusters.add(Rendered.name(c)));
        for (String url : urls) {
            String host = url.substring("jdbc:postgresql://".length()).split("[:/]")[0];
            if (Overlays.isDev(overlay)) {
                assertThat(host).as(url).endsWith("-rw");
                assertThat(clusters).as(url + " needs a CloudNativePG Cluster").contains(host.replaceAll("-rw$", ""));
            } else {
                assertThat(clusters).as("prod uses existing databases").isEmpty();
                assertThat(url).as("prod checks the database's certificate").contains("sslmode=verify-full");
            }
        }
    }

    static PodSpec podSpec(JsonNode workload) {
        return "StatefulSet".equals(workload.path("kind").asText())
                ? StrictModel.bind(workload, StatefulSet.class).getSpec().getTemplate().getSpec()
                : StrictModel.bind(workload, Deployment.class).getSpec().getTemplate().getSpec();
    }

    static Map<String, String> podLabels(JsonNode workload) {
        Map<String, String> labels = new java.util.HashMap<>();
        workload.path("spec").path("template").path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The value a container's envFrom ConfigMap gives a variable. */
    static String configValue(Rendered overlay, String workload, String variable) {
        JsonNode w = overlay.workloads().filter(o -> Rendered.name(o).equals(workload)).findFirst().orElseThrow();
        return podSpec(w).getContainers().get(0).getEnvFrom().stream()
                .map(e -> overlay.find("ConfigMap", e.getConfigMapRef().getName()).orElseThrow())
                .map(m -> m.path("data").path(variable).asText(null)).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static boolean probesEnabled(Rendered overlay, Container c) {
        return c.getEnvFrom().stream().map(e -> overlay.find("ConfigMap", e.getConfigMapRef().getName()).orElseThrow())
                .anyMatch(m -> "true".equals(m.path("data").path("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED").asText()));
    }

    private static Set<Integer> allowedPorts(Rendered overlay, String app) {
        Set<Integer> ports = new TreeSet<>();
        overlay.ofKind("NetworkPolicy")
                .filter(np -> app.equals(np.path("spec").path("podSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText()))
                .forEach(np -> np.path("spec").path("ingress").forEach(rule ->
                        rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()))));
        return ports;
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    private static void assertNonRoot(String where, PodSecurityContext pod, SecurityContext container) {
        assertThat(container).as(where + " securityContext").isNotNull();
        Boolean nonRoot = container.getRunAsNonRoot() != null ? container.getRunAsNonRoot()
                : pod == null ? null : pod.getRunAsNonRoot();
        Long user = container.getRunAsUser() != null ? container.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
        assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
        assertThat(user).as(where + " runAsUser").isNotNull().isNotZero();
        assertThat(container.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
        assertThat(container.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
        assertThat(container.getCapabilities().getDrop()).as(where + " capabilities dropped").contains("ALL");
    }

    /** {@code registry.example.com/strangler/x:1.0} -> {@code strangler/x}. */
    static String repository(String image) {
        String withoutTag = image.replaceFirst("@.*$", "").replaceFirst(":[^/:]+$", "");
        String[] parts = withoutTag.split("/", 2);
        boolean hasRegistry = parts.length == 2 && (parts[0].contains(".") || parts[0].contains(":"));
        return hasRegistry ? parts[1] : withoutTag;
    }
}
