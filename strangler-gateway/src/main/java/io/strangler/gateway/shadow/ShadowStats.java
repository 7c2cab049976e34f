package io.strangler.gateway.shadow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.strangler.gateway.metrics.EventWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the shadow traffic of one route has shown: outcome counts over a window (from a bounded store of the most
 * recent outcomes, {@link EventWindow}) and since start (the Micrometer counter {@code strangler.gateway.shadow}
 * tagged route and result), counts per differing path since start (at most {@value #MAX_PATHS} distinct paths) and
 * the {@value #MAX_SAMPLES} most recent mismatches, redacted.
 */
public final class ShadowStats {

    static final int MAX_PATHS = 500;
    static final int MAX_SAMPLES = 20;

    private final Map<Result, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> differingPaths = new ConcurrentHashMap<>();
    private final Deque<ShadowSample> recent = new ArrayDeque<>();
    private final String routeId;
    private final EventWindow outcomes;

    ShadowStats(String routeId, MeterRegistry registry, int outcomesKept, Clock clock) {
        this.routeId = routeId;
        this.outcomes = new EventWindow(outcomesKept, Result.values().length, clock);
        for (Result result : Result.values()) {
            counters.put(result, Counter.builder("strangler.gateway.shadow")
                    .description("Shadowed requests by result").tag("route", routeId).tag("result", result.tag())
                    .register(registry));
        }
    }

    void count(Result result) {
        counters.get(result).increment();
        outcomes.record(result.ordinal());
    }

    /** How many shadowed requests ended with this result since start. */
    public long total(Result result) {
        return (long) counters.get(result).count();
    }

    void record(ShadowSample sample) {
        ShadowComparison comparison = sample.comparison();
        if (comparison.matches()) {
            count(Result.MATCH);
            return;
        }
        count(Result.MISMATCH);
        for (ShadowComparison.Difference difference : comparison.differences()) {
            String key = difference.kind() + " " + difference.path().replaceAll("\\[\\d+]", "[*]");
            LongAdder adder = differingPaths.get(key);
            if (adder == null && differingPaths.size() < MAX_PATHS) {
                adder = differingPaths.computeIfAbsent(key, k -> new LongAdder());
            }
            if (adder != null) {
                adder.increment();
            }
        }
        synchronized (recent) {
            recent.addFirst(sample);
            while (recent.size() > MAX_SAMPLES) {
                recent.removeLast();
            }
        }
    }

    /** A consistent-enough copy for the comparison API: outcome counts over the last {@code window}. */
    public ShadowReport report(int topPaths, Duration window) {
        List<ShadowReport.PathCount> top = differingPaths.entrySet().stream()
                .map(e -> new ShadowReport.PathCount(e.getKey().substring(e.getKey().indexOf(' ') + 1),
                        e.getKey().substring(0, e.getKey().indexOf(' ')), e.getValue().sum()))
                .sorted(Comparator.comparingLong(ShadowReport.PathCount::count).reversed())
                .limit(topPaths).toList();
        List<ShadowSample> samples;
        synchronized (recent) {
            samples = List.copyOf(recent);
        }
        EventWindow.Counts counts = outcomes.counts(window);
        return new ShadowReport(counts.of(Result.MATCH.ordinal()), counts.of(Result.MISMATCH.ordinal()),
                counts.of(Result.DROPPED.ordinal()), counts.of(Result.FAILED.ordinal()),
                counts.of(Result.SKIPPED.ordinal()), counts.truncated(), top, samples);
    }

    String routeId() {
        return routeId;
    }

    /** How a shadowed request ended. */
    public enum Result {
        /** Responses equal after ignore rules and noise. */
        MATCH,
        /** Responses differ. */
        MISMATCH,
        /** Not mirrored: over the route's shadow rate or concurrency, or the comparison queue was full. */
        DROPPED,
        /** The copy failed (timeout, connection error). */
        FAILED,
        /** Not compared: a body was larger than the limit. */
        SKIPPED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
