package io.strangler.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithPostgres;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar exactly as the demo launcher does (env {@code SERVER_PORT}, {@code SPRING_DATASOURCE_*},
 * {@code --shop.seed.enabled=true}), waits for readiness, and stops it with SIGTERM. Not a Spring test: it uses a
 * database of its own, so the shared {@code legacy_it} context is not disturbed.
 */
@WithPostgres(database = "legacy_launch_it")
class LaunchIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldSeedBeforeReportingReadyAndStopGracefullyOnSigterm(PostgresDatabase db) throws Exception {
        Path jar = Path.of("target", "legacy-monolith.jar");
        assertThat(jar).exists();
        int port = freePort();
        Path log = Path.of("target", "launch-it.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--shop.seed.enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
        Process app = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> status(port, "/actuator/health/readiness") == 200 || !app.isAlive());
            assertThat(app.isAlive()).as("app is running, see %s", log).isTrue();

            // seeding is one transaction: had readiness been UP before it committed, these would be 0
            assertThat(count(db, "PRODUCTS")).isEqualTo(3000);
            assertThat(count(db, "ORDERS")).isEqualTo(5000);
            assertThat(status(port, "/api/products?size=1")).isEqualTo(200);
            assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(status(port, "/actuator/prometheus")).isEqualTo(200);
            assertThat(Files.readString(log)).contains("Seeded 40 categories, 3000 products");

            app.destroy(); // SIGTERM
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("Graceful shutdown");
        } finally {
            app.destroyForcibly();
        }
    }

    private int status(int port, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long count(PostgresDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
