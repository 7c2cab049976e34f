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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starts services as their dev manifests configure them (a local JVM, no container: see {@link ManifestProcess}) and
 * checks they become ready against the embedded PostgreSQL, and use what the manifest says. Catches a wrong property
 * name, a ConfigMap key nobody reads, a mount path the application does not look at.
 */
class EntrypointIT {

    private static final Path ROOT = Overlays.K8S.getParent();
    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void catalogServiceStartsOnTheDatabaseItsManifestNames() throws Exception {
        PostgresDatabase db = LocalPostgres.shared().createDatabase("k8s_entrypoint_catalog");
        int port = LocalWorkload.freePort();
        Path work = workDir("catalog-service");
        try (ManifestProcess catalog = ManifestProcess.start(Overlays.dev(), "catalog-service",
                ROOT.resolve("extracted-services/catalog-service/target/catalog-service.jar"), work,
                (secret, key) -> {
                    assertThat(secret).isEqualTo("catalog-db-app");
                    return "username".equals(key) ? db.username() : db.password();
                },
                value -> value.equals("jdbc:postgresql://catalog-db-rw:5432/catalog") ? db.jdbcUrl() : value,
                Map.of("SERVER_PORT", Integer.toString(port)))) {
            catalog.awaitReady(port, START);
            // Liquibase ran in the database named by SPRING_DATASOURCE_URL with the Secret's user
            try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT count(*) FROM databasechangelog")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }

    @Test
    void gatewayStartsWithTheMountedRouteTableAndTheFlagClientItsManifestConfigures() throws Exception {
        int port = LocalWorkload.freePort();
        int management = LocalWorkload.freePort();
        try (ManifestProcess gateway = ManifestProcess.start(Overlays.dev(), "strangler-gateway",
                ROOT.resolve("strangler-gateway/target/strangler-gateway.jar"), workDir("strangler-gateway"),
                (secret, key) -> "viewer-secret", value -> value,
                Map.of("SERVER_PORT", Integer.toString(port), "MANAGEMENT_SERVER_PORT", Integer.toString(management)))) {
            gateway.awaitReady(management, START);
            // the route table came from the ConfigMap mounted at /config (SPRING_CONFIG_ADDITIONAL_LOCATION)
            assertThat(LocalWorkload.get(management, "/admin/routes").body()).contains("http://catalog-service:8082")
                    .contains("http://orders-service:8083").doesNotContain("localhost:8082");
            // the flag client exists only with STRANGLER_FLAGS_CLIENT_BASE_URL (flag-service is not running here)
            assertThat(LocalWorkload.get(management, "/actuator/prometheus").body()).contains("strangler_flags_client");
        }
    }




    private static Path workDir(String name) throws IOException {
        return Files.createDirectories(Overlays.K8S.resolve("target/entrypoint").resolve(name));
    }

}
