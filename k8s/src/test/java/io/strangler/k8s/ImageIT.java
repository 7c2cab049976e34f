package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.infra.LocalPostgres;
import io.strangler.infra.PostgresDatabase;
import java.io.IOException;
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
        int port = LocalWorkload.freePort();
        try (ContainerProcess catalog = ContainerProcess.start(Overlays.dev(), "catalog-service", image, work,
                (secret, key) -> "username".equals(key) ? db.username() : db.password(),
                value -> value.equals("jdbc:postgresql://catalog-db-rw:5432/catalog") ? db.jdbcUrl() : value,
                Map.of("SERVER_PORT", Integer.toString(port)))) {
            catalog.awaitReady(port, START);
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
            assertThat(LocalWorkload.get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void gatewayImageReadsTheRouteTableMountedFromItsConfigMap() throws Exception {
        Path work = workDir("strangler-gateway");
        ImageRootfs image = ImageRootfs.unpack(ROOT.resolve("strangler-gateway/target/jib-image.tar"),
                work.resolve("image"));
        int port = LocalWorkload.freePort();
        int management = LocalWorkload.freePort();
        try (ContainerProcess gateway = ContainerProcess.start(Overlays.dev(), "strangler-gateway", image, work,
                (secret, key) -> "viewer-secret", value -> value,
                Map.of("SERVER_PORT", Integer.toString(port), "MANAGEMENT_SERVER_PORT", Integer.toString(management)))) {
            gateway.awaitReady(management, START);
            // SPRING_CONFIG_ADDITIONAL_LOCATION=/config/: the ConfigMap volume at its real mount path in the root
            assertThat(LocalWorkload.get(management, "/admin/routes").body()).contains("http://catalog-service:8082")
                    .contains("http://orders-service:8083").doesNotContain("localhost:8082");
        }
    }

    private static List<String> mountOptions(ProcessHandle process, String mountPoint) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "mountinfo")).stream()
                .map(line -> line.split(" ")).filter(f -> f[4].equals(mountPoint)).map(f -> f[5]).toList();
    }




    private static Path workDir(String name) throws IOException {
        return Files.createDirectories(Overlays.K8S.resolve("target/image-smoke").resolve(name));
    }

}
