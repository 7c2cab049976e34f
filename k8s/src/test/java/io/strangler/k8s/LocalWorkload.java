package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A workload of a rendered manifest that a test started on this machine ({@link ManifestProcess} as a plain JVM,
 * {@link ContainerProcess} from its image): the process, its log, and the probes the tests ask it.
 */
abstract class LocalWorkload implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    protected final Process process;
    private final Path log;

    protected LocalWorkload(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits until {@code /actuator/health/readiness} on {@code port} answers 200; fails at once if it died. */
    void awaitReady(int port, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(isAlive()).as("workload alive; its log:\n%s", log()).isTrue();
            try {
                return get(port, "/actuator/health/readiness").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
