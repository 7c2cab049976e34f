package io.strangler.judge.source;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests through the gateway's front door, counted by the backend that served them (its response header). */
final class Traffic {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final AtomicLong legacy = new AtomicLong();
    private final AtomicLong candidate = new AtomicLong();
    private final AtomicLong candidateErrors = new AtomicLong();
    private final AtomicLong gatewayErrors = new AtomicLong();

    long legacy() {
        return legacy.get();
    }

    long candidate() {
        return candidate.get();
    }

    long candidateErrors() {
        return candidateErrors.get();
    }

    /** Failures of new the gateway made up (timeouts, resets: not new's own 500): their series may appear late. */
    long gatewayErrors() {
        return gatewayErrors.get();
    }

    long total() {
        return legacy() + candidate();
    }

    /** Customers one by one until legacy has served, and new has served and failed, at least once each. */
    static Traffic warmUp(int frontDoor) throws IOException, InterruptedException {
        Traffic traffic = new Traffic();
        for (int customer = 0; customer < 200 && !traffic.coversEverySeries(); customer++) {
            traffic.send(frontDoor, "w" + customer, "/api/products/broken");
            traffic.send(frontDoor, "w" + customer, "/api/products/1");
        }
        if (!traffic.coversEverySeries()) {
            throw new IllegalStateException("200 customers did not make legacy serve and new serve and fail (legacy "
                    + traffic.legacy() + ", new " + traffic.candidate() + " of which failed " + traffic.candidateErrors()
                    + "): is the route in CANARY 50 without fallback?");
        }
        return traffic;
    }

    /** {@code requests} customers, one in {@code brokenEvery} on the failing path, 8 at a time. */
    static Traffic drive(int frontDoor, int requests, int brokenEvery) throws Exception {
        Traffic traffic = new Traffic();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String path = i % brokenEvery == 0 ? "/api/products/broken" : "/api/products/" + i;
            String customer = "c" + i;
            calls.add(() -> {
                traffic.send(frontDoor, customer, path);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> call : pool.invokeAll(calls)) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return traffic;
    }

    private boolean coversEverySeries() {
        return legacy() > 0 && candidate() > candidateErrors() && candidateErrors() > 0;
    }

    private void send(int frontDoor, String customer, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontDoor + path))
                .header("X-Customer-Id", customer).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
        String backend = response.headers().firstValue("X-Strangler-Backend").orElseThrow(
                () -> new IllegalStateException(path + " answered " + response.statusCode() + " without a backend header"));
        if ("new".equals(backend)) {
            candidate.incrementAndGet();
            if (response.statusCode() >= 500) {
                candidateErrors.incrementAndGet();
            }
            if (response.statusCode() > 500) {
                gatewayErrors.incrementAndGet();
            }
        } else {
            legacy.incrementAndGet();
        }
    }

    static int status(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notUpYet) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The raw answer to a query, for failure messages. */
    static String prometheusRaw(int port, String promql) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of a one-element instant vector, -1 when Prometheus has no such series yet. */
    static long prometheusValue(int port, String promql) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        String body = CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode result = MAPPER.readTree(body).path("data").path("result");
        return result.isEmpty() ? -1 : Math.round(Double.parseDouble(result.get(0).path("value").get(1).asString()));
    }
}
