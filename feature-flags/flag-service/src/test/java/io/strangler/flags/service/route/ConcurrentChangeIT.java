package io.strangler.flags.service.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.FlagServiceITBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConcurrentChangeIT extends FlagServiceITBase {

    private static final int WRITERS = 8;

    @Test
    void shouldAcceptExactlyOneOfManyWritersBasedOnTheSameVersion() throws Exception {
        RouteState before = route("catalog");
        String ifMatch = "\"" + before.version() + "\"";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int i = 0; i < WRITERS; i++) {
                String body = "{\"mode\":\"CANARY\",\"percent\":" + (i + 1) + ",\"reason\":\"writer " + i + "\"}";
                results.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return put("/api/routes/catalog", ifMatch, body, OPERATOR, OPERATOR_PASSWORD);
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }

        List<Integer> statuses = results.stream().map(r -> r.join().statusCode()).toList();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        HttpResponse<String> winner = results.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)
                .findFirst().orElseThrow();
        RouteState after = json.readValue(winner.body(), RouteState.class);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(route("catalog")).isEqualTo(after);

        JsonNode audit = json.readTree(get("/api/audit?route=catalog&limit=1000", VIEWER, VIEWER_PASSWORD).body());
        List<JsonNode> entriesOfThatVersion = new ArrayList<>();
        audit.forEach(entry -> {
            if (entry.get("before").get("version").asLong() == before.version()) {
                entriesOfThatVersion.add(entry);
            }
        });
        assertThat(entriesOfThatVersion).hasSize(1);
        assertThat(entriesOfThatVersion.get(0).get("after").get("percent").decimalValue())
                .isEqualByComparingTo(after.percent());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
