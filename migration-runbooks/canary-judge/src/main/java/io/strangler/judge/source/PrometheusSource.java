package io.strangler.judge.source;

import io.strangler.judge.BackendSamples;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.MetricSource;
import io.strangler.judge.MetricSourceException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the gateway's Micrometer timer {@code strangler_gateway_requests_seconds{route,backend,outcome}} from the
 * Prometheus HTTP API ({@code /api/v1/query}), summed over every replica Prometheus scrapes:
 * <ul>
 *   <li>requests: {@code sum by (backend) (increase(..._count{route="r"}[w]))};</li>
 *   <li>errors: the same over {@code outcome=~"server_error|error"} (5xx and no response, as the gateway counts);</li>
 *   <li>latency: {@code sum by (backend, le) (increase(..._bucket{route="r"}[w]))}, expanded into samples by
 *       {@link HistogramSamples} (bucket midpoints; an approximation, see there).</li>
 * </ul>
 * {@code increase()} extrapolates to the window's edges, so counts are rounded to whole requests. The window should
 * span several scrape intervals.
 */
public final class PrometheusSource implements MetricSource {

    static final String METRIC = "strangler_gateway_requests_seconds";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final int maxSamplesPerSide;
    private final JsonHttp http;
    private final Clock clock;

    private PrometheusSource(URI base, int maxSamplesPerSide, Duration timeout, Clock clock) {
        this.base = JsonHttp.base("Prometheus URL", base);
        if (maxSamplesPerSide < 1 || maxSamplesPerSide > HistogramSamples.MAX_SAMPLES) {
            throw new IllegalArgumentException("maxSamplesPerSide must be from 1 to " + HistogramSamples.MAX_SAMPLES
                    + ", got " + maxSamplesPerSide);
        }
        this.maxSamplesPerSide = maxSamplesPerSide;
        this.http = new JsonHttp(JsonHttp.timeout(timeout));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param prometheus Prometheus' base URL, e.g. {@code http://localhost:9090} */
    public static PrometheusSource of(URI prometheus) {
        return of(prometheus, 10_000, DEFAULT_TIMEOUT);
    }

    /**
     * @param prometheus        Prometheus' base URL, e.g. {@code http://localhost:9090}
     * @param maxSamplesPerSide latency samples expanded per side at most (bucket counts scaled down beyond), 1-100,000
     * @param timeout           connect and request timeout, positive
     */
    public static PrometheusSource of(URI prometheus, int maxSamplesPerSide, Duration timeout) {
        return new PrometheusSource(prometheus, maxSamplesPerSide, timeout, Clock.systemUTC());
    }

    @Override
    public CanarySamples samples(String routeId, Duration window) {
        String route = Windows.routeId(routeId);
        String range = Windows.seconds(window);
        Instant to = clock.instant();
        String selector = "{route=\"" + route + "\"}";
        String errorSelector = "{route=\"" + route + "\",outcome=~\"server_error|error\"}";
        Map<String, Double> requests = PrometheusVector.byLabel(query(
                "sum by (backend) (increase(" + METRIC + "_count" + selector + "[" + range + "]))", to), "backend");
        Map<String, Double> errors = PrometheusVector.byLabel(query(
                "sum by (backend) (increase(" + METRIC + "_count" + errorSelector + "[" + range + "]))", to), "backend");
        PrometheusVector buckets = query(
                "sum by (backend, le) (increase(" + METRIC + "_bucket" + selector + "[" + range + "]))", to);
        return new CanarySamples(route, to.minus(window), to, side("legacy", requests, errors, buckets),
                side("new", requests, errors, buckets));
    }

    private BackendSamples side(String backend, Map<String, Double> requests, Map<String, Double> errors,
                                PrometheusVector buckets) {
        long count = Math.round(requests.getOrDefault(backend, 0.0));
        // increase() extrapolates each series on its own: rounded errors may overshoot the rounded count by one
        long failed = Math.min(count, Math.round(errors.getOrDefault(backend, 0.0)));
        double[] latencies = HistogramSamples.expand(buckets.histogram(backend), maxSamplesPerSide);
        return new BackendSamples(count, failed, latencies);
    }

    private PrometheusVector query(String promql, Instant at) {
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000));
        return PrometheusVector.of(http.get(uri), "Prometheus query '" + promql + "' at " + base);
    }
}
