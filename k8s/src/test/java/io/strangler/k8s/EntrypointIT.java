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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starts services as their dev manifests configure them (a local JVM, no container: see {@link ManifestProcess}) and
 * checks they become ready against the embedded PostgreSQL, and use what the manifest says. Catches a wrong property
 * name, a ConfigMap key nobody reads, a mount path the application does not look at.
 */
class EntrypointIT {

    private static final Path ROOT = Overlays.K8S.getParent();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void catalogServiceStartsOnTheDatabaseItsManifestNames() throws Exception {
        PostgresDatabase db = LocalPostgres.shared().createDatabase("k8s_entrypoint_catalog");
        int port = freePort();
        Path work = workDir("catalog-service");
        try (ManifestProcess catalog = ManifestProcess.start(dev(), "catalog-service",
                ROOT.resolve("extracted-services/catalog-service/target/catalog-service.jar"), work,
                (secret, key) -> {
                    assertThat(secret).isEqualTo("catalog-db-app");
                    return "username".equals(key) ? db.username() : db.password();
                },
                value -> value.equals("jdbc:postgresql://catalog-db-rw:5432/catalog") ? db.jdbcUrl() : value,
                Map.of("SERVER_PORT", Integer.toString(port)))) {
            awaitReady(catalog, port);
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
        int port = freePort();
        int management = freePort();
        try (ManifestProcess gateway = ManifestProcess.start(dev(), "strangler-gateway",
                ROOT.resolve("strangler-gateway/target/strangler-gateway.jar"), workDir("strangler-gateway"),
                (secret, key) -> "viewer-secret", value -> value,
                Map.of("SERVER_PORT", Integer.toString(port), "MANAGEMENT_SERVER_PORT", Integer.toString(management)))) {
            awaitReady(gateway, management);
            // the route table came from the ConfigMap mounted at /config (SPRING_CONFIG_ADDITIONAL_LOCATION)
            assertThat(get(management, "/admin/routes").body()).contains("http://catalog-service:8082")
                    .contains("http://orders-service:8083").doesNotContain("localhost:8082");
            // the flag client exists only with STRANGLER_FLAGS_CLIENT_BASE_URL (flag-service is not running here)
            assertThat(get(management, "/actuator/prometheus").body()).contains("strangler_flags_client");
        }
    }

    private static Rendered dev() {
        return Overlays.all().stream().filter(Overlays::isDev).findFirst().orElseThrow();
    }

    private static void awaitReady(ManifestProcess process, int port) {
        await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("process alive; its log:\n%s", process.log()).isTrue();
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
        return Files.createDirectories(Overlays.K8S.resolve("target/entrypoint").resolve(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
