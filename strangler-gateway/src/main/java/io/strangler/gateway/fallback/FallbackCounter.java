package io.strangler.gateway.fallback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.strangler.gateway.metrics.EventWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts fallbacks to legacy: since start as {@code strangler.gateway.fallbacks} tagged route and reason, and over a
 * window from a bounded store of each route's most recent fallbacks ({@link EventWindow}).
 */
public class FallbackCounter {

    private final MeterRegistry registry;
    private final int eventsKept;
    private final Clock clock;
    private final Map<String, EventWindow> recent = new ConcurrentHashMap<>();

    /**
     * @param eventsKept fallbacks kept per route for windowed counts
     */
    public FallbackCounter(MeterRegistry registry, int eventsKept, Clock clock) {
        this.registry = registry;
        this.eventsKept = eventsKept;
        this.clock = clock;
    }

    public void increment(String routeId, FallbackReason reason) {
        Counter.builder("strangler.gateway.fallbacks")
                .description("Requests for the new backend answered by legacy")
                .tag("route", routeId).tag("reason", reason.tag())
                .register(registry).increment();
        recent.computeIfAbsent(routeId, id -> new EventWindow(eventsKept, FallbackReason.values().length, clock))
                .record(reason.ordinal());
    }

    /** Fallbacks of a route since start, all reasons. */
    public long count(String routeId) {
        return (long) registry.find("strangler.gateway.fallbacks").tag("route", routeId).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** Fallbacks of a route over the last {@code window}, in all and per reason. */
    public FallbackWindow window(String routeId, Duration window) {
        EventWindow events = recent.get(routeId);
        EventWindow.Counts counts = events == null ? null : events.counts(window);
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (FallbackReason reason : FallbackReason.values()) {
            byReason.put(reason.tag(), counts == null ? 0 : counts.of(reason.ordinal()));
        }
        return new FallbackWindow(counts == null ? 0 : counts.total(), byReason, counts != null && counts.truncated());
    }

    /**
     * A route's fallbacks over a window.
     *
     * @param count     all reasons
     * @param byReason  per reason tag ({@code server_error}, {@code timeout}, {@code circuit_open}, {@code connection_error})
     * @param truncated the store no longer covers the whole window: counts are of the most recent fallbacks
     */
    public record FallbackWindow(long count, Map<String, Long> byReason, boolean truncated) {
    }
}
