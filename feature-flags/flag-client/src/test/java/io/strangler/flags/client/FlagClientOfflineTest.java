package io.strangler.flags.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagClientOfflineTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartFromTheSavedSnapshotWhenTheServiceIsUnreachable() throws IOException {
        Path file = Files.writeString(dir.resolve("routes.json"), """
                [{"routeId":"catalog","mode":"CANARY","percent":25,"version":7,"killSwitch":false,
                  "updatedAt":"2026-11-28T10:15:30.123Z","updatedBy":"olivia"}]""");

        try (FlagClient client = FlagClient.builder(unusedPort()).snapshotFile(file)
                .connectTimeout(Duration.ofMillis(500)).build().start()) {
            assertThat(client.status().source()).isEqualTo(SnapshotSource.FILE);
            assertThat(client.status().streamConnected()).isFalse();
            assertThat(client.status().lastContact()).isNull();
            assertThat(client.route("catalog")).hasValueSatisfying(state -> {
                assertThat(state.mode()).isEqualTo(RouteMode.CANARY);
                assertThat(state.percentBuckets()).isEqualTo(2500);
            });
        }
    }

    @Test
    void shouldRouteEverythingToLegacyWhenItKnowsNothing() {
        try (FlagClient client = FlagClient.builder(unusedPort()).connectTimeout(Duration.ofMillis(500)).build().start()) {
            assertThat(client.status().source()).isEqualTo(SnapshotSource.NONE);
            assertThat(client.snapshot().effectiveMode("catalog")).isEqualTo(RouteMode.LEGACY);
        }
    }

    private static URI unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://localhost:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
