package io.strangler.judge.source;

import io.strangler.judge.BackendSamples;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.MetricSource;
import io.strangler.judge.MetricSourceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Reads one gateway's comparison API on its management port:
 * {@code GET {base}/admin/routes/{id}/comparison?window=300s&samples=10000}, and takes {@code backends.legacy} and
 * {@code backends.new} ({@code count}, {@code errors}, {@code latencySamplesMillis}). The gateway keeps the
 * latest raw latencies per route × backend (at most 10,000): with several replicas, use {@link PrometheusSource}.
 *
 * <pre>{@code
 * MetricSource source = GatewayComparisonSource.of(URI.create("http://localhost:9080"));
 * }</pre>
 */
public final class GatewayComparisonSource implements MetricSource {

    /** The most raw samples per side the gateway hands out. */
    public static final int MAX_SAMPLES = 10_000;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final int samples;
    private final JsonHttp http;
    private final Clock clock;

    private GatewayComparisonSource(URI base, int samples, Duration timeout, Clock clock) {
        this.base = JsonHttp.base("gateway management URL", base);
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be from 1 to " + MAX_SAMPLES + ", got " + samples);
        }
        this.samples = samples;
        this.http = new JsonHttp(JsonHttp.timeout(timeout));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param managementBase the gateway's management port, e.g. {@code http://localhost:9080} */
    public static GatewayComparisonSource of(URI managementBase) {
        return of(managementBase, MAX_SAMPLES, DEFAULT_TIMEOUT);
    }

    /**
     * @param managementBase the gateway's management port, e.g. {@code http://localhost:9080}
     * @param samples        latency samples to ask per side, 1-10,000
     * @param timeout        connect and request timeout, positive
     */
    public static GatewayComparisonSource of(URI managementBase, int samples, Duration timeout) {
        return new GatewayComparisonSource(managementBase, samples, timeout, Clock.systemUTC());
    }

    @Override
    public CanarySamples samples(String routeId, Duration window) {
        URI uri = URI.create(base + "/admin/routes/" + Windows.routeId(routeId) + "/comparison?window="
                + Windows.seconds(window) + "&samples=" + samples);
        Instant to = clock.instant();
        JsonNode answer = http.get(uri);
        JsonNode backends = answer.get("backends");
        if (backends == null || !backends.isObject()) {
            throw new MetricSourceException("GET " + uri + ": field 'backends' missing or not an object");
        }
        return new CanarySamples(routeId, to.minus(window), to, side(uri, backends, "legacy"),
                side(uri, backends, "new"));
    }

    private static BackendSamples side(URI uri, JsonNode backends, String name) {
        JsonNode side = backends.get(name);
        String where = "GET " + uri + ": backends." + name;
        if (side == null || !side.isObject()) {
            throw new MetricSourceException(where + " missing or not an object");
        }
        long count = count(where, side, "count");
        long errors = count(where, side, "errors");
        double[] latencies = latencies(where, side.get("latencySamplesMillis"));
        try {
            return new BackendSamples(count, errors, latencies);
        } catch (IllegalArgumentException inconsistent) {
            throw new MetricSourceException(where + " is inconsistent: " + inconsistent.getMessage(), inconsistent);
        }
    }

    private static long count(String where, JsonNode side, String field) {
        JsonNode value = side.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MetricSourceException(where + "." + field + " must be an integer, got " + value);
        }
        return value.longValue();
    }

    private static double[] latencies(String where, JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new MetricSourceException(where + ".latencySamplesMillis must be an array of numbers, got "
                    + (array == null ? "nothing" : array.getNodeType()));
        }
        double[] latencies = new double[array.size()];
        for (int i = 0; i < latencies.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isNumber()) {
                throw new MetricSourceException(where + ".latencySamplesMillis[" + i + "] must be a number, got " + value);
            }
            latencies[i] = value.doubleValue();
        }
        return latencies;
    }
}
