package io.strangler.runbook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WireMock server standing in for the flag service, cdc-sync, the gateway's management port and the services'
 * health endpoints (their paths do not overlap), shared by every test of the JVM.
 */
public final class Peers {

    public static final WireMockServer SERVER = start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Peers() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    /** Everything healthy, parity 100 %, lag low, ownership LEGACY; routes as {@link #route}. */
    public static void healthyLandscape() {
        SERVER.resetAll();
        SERVER.stubFor(get(urlPathEqualTo("/health/catalog")).willReturn(okJson("{\"status\":\"UP\"}")));
        SERVER.stubFor(post(urlPathEqualTo("/api/parity/products")).willReturn(okJson("""
                {"table":"products","sourceRows":120,"targetRows":120,"chunks":1,"differingChunks":0,
                 "differingKeys":[],"parityPercent":100.0,"finishedAt":"2026-11-28T12:00:00Z"}""")));
        SERVER.stubFor(get(urlPathEqualTo("/api/status")).willReturn(okJson("""
                {"tables":[{"table":"products","direction":"LEGACY_TO_NEW","counts":{},"lagCount":40,
                            "lagP50Ms":12.0,"lagP99Ms":48.0}]}""")));
        SERVER.stubFor(get(urlPathEqualTo("/api/ownership")).willReturn(okJson("{\"products\":\"LEGACY\"}")));
        SERVER.stubFor(put(urlPathEqualTo("/api/ownership/products")).willReturn(okJson("{\"products\":\"NEW\"}")));
    }

    private static final String[] MODES = {"LEGACY", "SHADOW", "CANARY", "NEW"};

    /**
     * A stateful route in the flag service (a WireMock scenario named after it): {@code GET} answers the current mode
     * at version 10 + the mode's position (LEGACY 10 ... NEW 13), {@code PUT} with the matching {@code If-Match}
     * switches it. It starts in {@code initialMode}.
     */
    public static void route(String id, String initialMode) {
        for (int from = 0; from < MODES.length; from++) {
            SERVER.stubFor(get(urlPathEqualTo("/api/routes/" + id)).inScenario(id).whenScenarioStateIs(state(from))
                    .willReturn(okJson(routeJson(id, MODES[from], 5, version(from)))
                            .withHeader("ETag", "\"" + version(from) + "\"")));
            for (int to = 0; to < MODES.length; to++) {
                SERVER.stubFor(put(urlPathEqualTo("/api/routes/" + id)).inScenario(id).whenScenarioStateIs(state(from))
                        .withHeader("If-Match", equalTo("\"" + version(from) + "\""))
                        .withRequestBody(matchingJsonPath("$.mode", equalTo(MODES[to])))
                        .willReturn(okJson(routeJson(id, MODES[to], 5, version(to)))).willSetStateTo(state(to)));
            }
        }
        int initial = java.util.List.of(MODES).indexOf(initialMode);
        if (initial != 0) {
            SERVER.setScenarioState(id, state(initial));
        }
    }

    /** The version {@link #route} gives a mode. */
    public static long version(String mode) {
        return version(java.util.List.of(MODES).indexOf(mode));
    }

    private static long version(int mode) {
        return 10 + mode;
    }

    private static String state(int mode) {
        return mode == 0 ? Scenario.STARTED : MODES[mode];
    }

    public static String routeJson(String id, String mode, double percent, long version) {
        return JSON.writeValueAsString(Map.of("routeId", id, "mode", mode, "percent", percent, "version", version,
                "killSwitch", false));
    }

    /**
     * The gateway's comparison of {@code route}: {@code samples} requests per backend, new's latencies
     * {@code slowdown} times legacy's; shadow counts as given.
     */
    public static void comparison(String route, int samples, double slowdown, long matched, long mismatched) {
        Random random = new Random(42);
        double[] legacy = new double[samples];
        double[] candidate = new double[samples];
        for (int i = 0; i < samples; i++) {
            legacy[i] = 20 + random.nextGaussian() * 3 + 5;
            candidate[i] = (20 + random.nextGaussian() * 3 + 5) * slowdown;
        }
        Map<String, Object> body = Map.of("routeId", route, "mode", "CANARY", "percent", 5, "window", "PT5M",
                "backends", Map.of("legacy", backend(legacy), "new", backend(candidate)),
                "fallbacks", Map.of("count", 0, "byReason", Map.of(), "truncated", false),
                "shadow", Map.of("matched", matched, "mismatched", mismatched, "dropped", 0, "failed", 0, "skipped", 0));
        SERVER.stubFor(get(urlPathEqualTo("/admin/routes/" + route + "/comparison"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(body))));
    }

    private static Map<String, Object> backend(double[] latencies) {
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return Map.of("count", latencies.length, "errors", 0, "errorRate", 0.0, "p50Millis", sorted[sorted.length / 2],
                "truncated", false, "latencySamplesMillis", latencies);
    }
}
