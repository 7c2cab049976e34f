package io.strangler.runbook.http;

import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.RouteTraffic;
import java.net.URI;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's comparison API on its management port ({@code GET /admin/routes/{id}/comparison?window=&samples=0},
 * {@code strangler-gateway/README.md}) as {@link RouteTraffic}: request counts and shadow comparisons. The canary
 * judge's latency samples come from the judge's own sources ({@code io.strangler.judge.source}).
 */
public final class GatewayClient implements RouteTraffic {

    private static final String PEER = "gateway";
    private final JsonHttp http;

    public GatewayClient(URI managementUrl, Duration timeout) {
        this.http = new JsonHttp(PEER, managementUrl, null, null, timeout);
    }

    @Override
    public TrafficWindow window(String routeId, Duration window) {
        JsonNode comparison = comparison(routeId, window, 0);
        JsonNode shadow = comparison.path("shadow");
        return new TrafficWindow(backend(comparison, "legacy").path("count").asLong(),
                backend(comparison, "new").path("count").asLong(), shadow.path("matched").asLong(),
                shadow.path("mismatched").asLong(), comparison.path("fallbacks").path("count").asLong());
    }

    private JsonNode comparison(String routeId, Duration window, int samples) {
        long seconds = Math.max(1, Math.min(window.toSeconds(), Duration.ofHours(24).toSeconds()));
        JsonHttp.Answer answer = http.get("/admin/routes/" + routeId + "/comparison?window=" + seconds + "s&samples="
                + samples);
        if (answer.status() != 200) {
            throw http.unexpected("comparison of route " + routeId, answer);
        }
        return answer.body();
    }

    private static JsonNode backend(JsonNode comparison, String side) {
        JsonNode backend = comparison.path("backends").get(side);
        if (backend == null) {
            throw new PortException(PEER + " comparison has no backends." + side + ": " + comparison);
        }
        return backend;
    }
}
