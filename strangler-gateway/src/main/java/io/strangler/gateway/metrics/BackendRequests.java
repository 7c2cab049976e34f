package io.strangler.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strangler.gateway.route.Backend;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records one request to one backend in both places the comparisons read: the Micrometer timer
 * {@code strangler.gateway.requests} (route × backend × outcome, percentile histogram; Prometheus, dashboards and
 * the judge's Prometheus source) and {@link RouteLatencies} (the comparison API). Both must see the same requests,
 * or a judge reading Prometheus and one reading the comparison API would disagree.
 */
public class BackendRequests {

    /** Outcomes counted as errors: a 5xx, or no response at all. */
    public static final String SERVER_ERROR = "server_error";
    public static final String ERROR = "error";

    private final MeterRegistry registry;
    private final RouteLatencies latencies;
    /** route|backend|outcome -> its timer: found once, not built and looked up again on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public BackendRequests(MeterRegistry registry, RouteLatencies latencies) {
        this.registry = registry;
        this.latencies = latencies;
    }

    /**
     * @param outcome {@code success}, {@code client_error}, {@value #SERVER_ERROR}, {@value #ERROR} or
     *                {@code cancelled}
     */
    public void record(String routeId, Backend backend, long nanos, String outcome) {
        timers.computeIfAbsent(routeId + '|' + backend.tag() + '|' + outcome, key -> timer(routeId, backend, outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
        latencies.record(routeId, backend, nanos, SERVER_ERROR.equals(outcome) || ERROR.equals(outcome));
    }

    private Timer timer(String routeId, Backend backend, String outcome) {
        return Timer.builder("strangler.gateway.requests")
                .description("Requests through the gateway, by route, backend that answered (or failed) and outcome")
                .tag("route", routeId).tag("backend", backend.tag()).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}
