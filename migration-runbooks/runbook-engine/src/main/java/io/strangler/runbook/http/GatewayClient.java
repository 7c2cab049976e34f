package io.strangler.runbook.http;

import io.strangler.judge.BackendSamples;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.MetricSource;
import io.strangler.judge.MetricSourceException;
import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.RouteTraffic;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's comparison API on its management port ({@code GET /admin/routes/{id}/comparison?window=&samples=},
 * {@code strangler-gateway/README.md}) as {@link RouteTraffic} and as the canary judge's {@link MetricSource}.
 */
public final class GatewayClient implements RouteTraffic, MetricSource {

    private static final String PEER = "gateway";
    private static final int MAX_SAMPLES = 10_000;
    private final JsonHttp http;
    private final Clock clock;

    public GatewayClient(URI managementUrl, Duration timeout, Clock clock) {
        this.http = new JsonHttp(PEER, managementUrl, null, null, timeout);
        this.clock = clock;
    }

    @Override
    public TrafficWindow window(String routeId, Duration window) {
        JsonNode comparison = comparison(routeId, window, 0);
        JsonNode shadow = comparison.path("shadow");
        return new TrafficWindow(backend(comparison, "legacy").path("count").asLong(),
                backend(comparison, "new").path("count").asLong(), shadow.path("matched").asLong(),
                shadow.path("mismatched").asLong(), comparison.path("fallbacks").path("count").asLong());
    }

    @Override
    public CanarySamples samples(String routeId, Duration window) {
        Instant to = clock.instant();
        try {
            JsonNode comparison = comparison(routeId, window, MAX_SAMPLES);
            return new CanarySamples(routeId, to.minus(window), to, side(backend(comparison, "legacy")),
                    side(backend(comparison, "new")));
        } catch (PortException e) {
            throw new MetricSourceException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MetricSourceException(PEER + " answered figures the judge cannot use for " + routeId + ": "
                    + e.getMessage(), e);
        }
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

    private static BackendSamples side(JsonNode backend) {
        JsonNode latencies = backend.path("latencySamplesMillis");
        double[] millis = new double[latencies.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = latencies.get(i).asDouble();
        }
        return new BackendSamples(backend.path("count").asLong(), backend.path("errors").asLong(), millis);
    }
}
