package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.infra.LocalPostgres;
import io.strangler.infra.PostgresDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built images themselves, run as their dev manifests run them ({@link ContainerProcess}: the unpacked layers,
 * read-only, as uid 10001, the image's own JRE and entrypoint). Excluded from {@code ./mvnw verify}: runs with
 * {@code -Pimage-smoke} (k8s/pom.xml) or when named ({@code -Dit.test=ImageIT}), after the images were built
 * (k8s/README.md, "Images"). Needs root.
 */
class ImageIT {

    private static final Path ROOT = Overlays.K8S.getParent();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void catalogServiceImageBecomesReadyOnTheDatabaseItsManifestNames() throws Exception {
        Path work = workDir("catalog-service");
        ImageRootfs image = ImageRootfs.unpack(
                ROOT.resolve("extracted-services/catalog-service/target/jib-image.tar"), work.resolve("image"));
        assertThat(image.user()).isEqualTo("10001:10001");
        assertThat(image.entrypoint()).startsWith("java").contains("-cp", "@/app/jib-classpath-file")
                .endsWith("io.strangler.catalog.CatalogApplication");
        PostgresDatabase db = LocalPostgres.shared().createDatabase("k8s_image_catalog");
        int port = freePort();
        try (ContainerProcess catalog = ContainerProcess.start(dev(), "catalog-service", image, work,
                (secret, key) -> "username".equals(key) ? db.username() : db.password(),
                value -> value.equals("jdbc:postgresql://catalog-db-rw:5432/catalog") ? db.jdbcUrl() : value,
                Map.of("SERVER_PORT", Integer.toString(port)))) {
            awaitReady(catalog, port);
            ProcessHandle java = catalog.entrypoint().orElseThrow();
            // the image's JRE (from its PATH), run as the pod's user, not root
            assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(java.pid()), "exe")))
                    .startsWith(image.root()).endsWith(Path.of("bin/java"));
            assertThat(Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status")))
                    .contains("Uid:\t10001\t10001\t10001\t10001", "Gid:\t10001\t10001\t10001\t10001");
            // its root filesystem read-only (readOnlyRootFilesystem), /tmp (an emptyDir) writable: mount points as
            // the process sees them, relative to its root
            assertThat(mountOptions(java, "/")).allSatisfy(options -> assertThat(options).startsWith("ro,"));
            assertThat(mountOptions(java, "/tmp")).singleElement().satisfies(o -> assertThat(o).startsWith("rw,"));
            // Liquibase ran in the database named by SPRING_DATASOURCE_URL with the Secret's user
            try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT count(*) FROM databasechangelog")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void gatewayImageReadsTheRouteTableMountedFromItsConfigMap() throws Exception {
        Path work = workDir("strangler-gateway");
        ImageRootfs image = ImageRootfs.unpack(ROOT.resolve("strangler-gateway/target/jib-image.tar"),
                work.resolve("image"));
        int port = freePort();
        int management = freePort();
        try (ContainerProcess gateway = ContainerProcess.start(dev(), "strangler-gateway", image, work,
                (secret, key) -> "viewer-secret", value -> value,
                Map.of("SERVER_PORT", Integer.toString(port), "MANAGEMENT_SERVER_PORT", Integer.toString(management)))) {
            awaitReady(gateway, management);
            // SPRING_CONFIG_ADDITIONAL_LOCATION=/config/: the ConfigMap volume at its real mount path in the root
            assertThat(get(management, "/admin/routes").body()).contains("http://catalog-service:8082")
                    .contains("http://orders-service:8083").doesNotContain("localhost:8082");
        }
    }

    private static List<String> mountOptions(ProcessHandle process, String mountPoint) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "mountinfo")).stream()
                .map(line -> line.split(" ")).filter(f -> f[4].equals(mountPoint)).map(f -> f[5]).toList();
    }

    private static Rendered dev() {
        return Overlays.all().stream().filter(Overlays::isDev).findFirst().orElseThrow();
    }

    private static void awaitReady(ContainerProcess process, int port) {
        await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("container alive; its log:\n%s", process.log()).isTrue();
            try {
                return get(port, "/actuator/health/readiness").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path workDir(String name) throws IOException {
        return Files.createDirectories(Overlays.K8S.resolve("target/image-smoke").resolve(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
