package io.strangler.gateway.metrics;

import io.strangler.gateway.route.Backend;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent latency and error samples per route × backend, for the comparison API and the canary judge (Micrometer
 * timers serve dashboards; these serve windowed, side-by-side statistics). Bounded: at most
 * {@code samplesPerBackend} samples per route × backend are kept.
 */
public class RouteLatencies {

    private final Map<String, LatencyRing> rings = new ConcurrentHashMap<>();
    private final int samplesPerBackend;
    private final Clock clock;

    public RouteLatencies(int samplesPerBackend, Clock clock) {
        this.samplesPerBackend = samplesPerBackend;
        this.clock = clock;
    }

    public void record(String routeId, Backend backend, long nanos, boolean error) {
        rings.computeIfAbsent(routeId + '|' + backend.name(), key -> new LatencyRing(samplesPerBackend))
                .record(clock.millis(), nanos / 1_000, error);
    }

    /** Statistics of one route × backend over the last {@code window}; {@code maxRaw} raw samples at most. */
    public BackendWindow window(String routeId, Backend backend, Duration window, int maxRaw) {
        LatencyRing ring = rings.get(routeId + '|' + backend.name());
        if (ring == null) {
            return BackendWindow.EMPTY;
        }
        LatencyRing.WindowSamples samples = ring.since(clock.millis() - window.toMillis());
        long[] sorted = samples.latencyMicros().clone();
        Arrays.sort(sorted);
        long count = sorted.length;
        double errorRate = count == 0 ? 0 : (double) samples.errors() / count;
        double[] raw = new double[(int) Math.min(count, maxRaw)];
        long[] unordered = samples.latencyMicros();
        for (int i = 0; i < raw.length; i++) {
            raw[i] = millis(unordered[unordered.length - raw.length + i]);
        }
        return new BackendWindow(count, samples.errors(), errorRate, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), samples.truncated(), raw);
    }

    private static Double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return millis(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
