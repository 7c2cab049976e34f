package io.strangler.gateway.fallback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts fallbacks to legacy as {@code strangler.gateway.fallbacks} tagged route and reason. */
public class FallbackCounter {

    private final MeterRegistry registry;

    public FallbackCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void increment(String routeId, FallbackReason reason) {
        Counter.builder("strangler.gateway.fallbacks")
                .description("Requests for the new backend answered by legacy")
                .tag("route", routeId).tag("reason", reason.tag())
                .register(registry).increment();
    }

    /** Fallbacks of a route so far, all reasons. */
    public long count(String routeId) {
        return (long) registry.find("strangler.gateway.fallbacks").tag("route", routeId).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
