package io.strangler.flags.service.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.flags.client.FlagClient;
import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.client.SnapshotSource;
import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flag client against a real flag service that goes away and comes back. */
@WithPostgres(database = "flag_client_it")
class FlagClientRestartIT {

    @TempDir
    Path dir;

    @Test
    void shouldSurviveTheServiceBeingStoppedAndRestartedAndFireTheListenerAfterwards(PostgresDatabase db) {
        List<RouteState> seen = new CopyOnWriteArrayList<>();
        try (RunningFlagService service = new RunningFlagService(db).start(0);
             FlagClient client = client(service.port())) {
            client.addListener((previous, current) -> seen.add(current));
            client.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.status().streamConnected());
            assertThat(client.snapshot().routes()).containsKeys("catalog", "orders", "customers", "payments");

            service.change("catalog", "{\"mode\":\"SHADOW\",\"percent\":10,\"reason\":\"before the outage\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.snapshot().effectiveMode("catalog") == RouteMode.SHADOW);

            int port = service.port();
            service.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !client.status().streamConnected());
            assertThat(client.snapshot().effectiveMode("catalog")).as("fail-static while the service is down")
                    .isEqualTo(RouteMode.SHADOW);

            service.start(port);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.status().streamConnected());
            service.change("catalog", "{\"mode\":\"CANARY\",\"percent\":50,\"reason\":\"after the outage\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                    .anyMatch(s -> s.routeId().equals("catalog") && s.mode() == RouteMode.CANARY));
            assertThat(client.status().reconnects()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void shouldRouteFromTheSavedSnapshotWhenTheServiceIsDownAtStart(PostgresDatabase db) {
        int port;
        try (RunningFlagService service = new RunningFlagService(db).start(0);
             FlagClient first = client(service.port()).start()) {
            service.change("orders", "{\"mode\":\"NEW\",\"reason\":\"cut over\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> first.snapshot().effectiveMode("orders") == RouteMode.NEW);
            port = service.port();
        }

        try (FlagClient restarted = client(port).start()) {
            assertThat(restarted.status().source()).isEqualTo(SnapshotSource.FILE);
            assertThat(restarted.snapshot().effectiveMode("orders")).isEqualTo(RouteMode.NEW);
            assertThat(restarted.status().streamConnected()).isFalse();
        }
    }

    private FlagClient client(int port) {
        return FlagClient.builder(java.net.URI.create("http://localhost:" + port))
                .credentials(RunningFlagService.OPERATOR, RunningFlagService.PASSWORD)
                .snapshotFile(dir.resolve("routes.json"))
                .pollInterval(Duration.ofMillis(500))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build();
    }
}
