package io.strangler.flags.service.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.flags.client.FlagClient;
import io.strangler.flags.client.RouteState;
import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Two flag service instances on one database, as Kubernetes runs them: a change reaches the clients of both. */
@WithPostgres(database = "flag_client_it")
class MultiInstancePushIT {

    @TempDir
    Path dir;

    @Test
    void shouldPushAChangeAcceptedByOneInstanceToTheStreamSubscribersOfAnother(PostgresDatabase db) {
        try (RunningFlagService a = new RunningFlagService(db).start(0);
             RunningFlagService b = new RunningFlagService(db).start(0);
             FlagClient client = clientOf(b).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.status().streamConnected());
            long connections = client.status().reconnects();

            String body = a.change("payments", "{\"mode\":\"CANARY\",\"percent\":7.5,\"reason\":\"accepted by A\"}");
            RouteState accepted = JsonMapper.builder().build().readValue(body, RouteState.class);

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    client.snapshot().route("payments").orElseThrow().version() == accepted.version());
            assertThat(client.snapshot().route("payments")).contains(accepted);
            assertThat(client.status().reconnects()).as("pushed over the same stream, not read from a new snapshot")
                    .isEqualTo(connections);
        }
    }

    private FlagClient clientOf(RunningFlagService service) {
        // polls only while its stream is down: with an hour between polls, only B's stream can bring the change
        return FlagClient.builder(URI.create("http://localhost:" + service.port()))
                .credentials(RunningFlagService.OPERATOR, RunningFlagService.PASSWORD)
                .snapshotFile(dir.resolve("routes.json"))
                .pollInterval(Duration.ofHours(1))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build();
    }
}
