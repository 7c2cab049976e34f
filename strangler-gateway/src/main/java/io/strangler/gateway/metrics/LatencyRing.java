package io.strangler.gateway.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent request samples of one route × backend: when, how long, failed or not. Lock-free and bounded;
 * a reader racing a writer may see one sample torn, which statistics tolerate.
 */
final class LatencyRing {

    private final int capacity;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLongArray times;
    private final AtomicLongArray values;

    LatencyRing(int capacity) {
        this.capacity = capacity;
        this.times = new AtomicLongArray(capacity);
        this.values = new AtomicLongArray(capacity);
    }

    void record(long epochMillis, long latencyMicros, boolean error) {
        int slot = (int) (written.getAndIncrement() % capacity);
        values.set(slot, (latencyMicros << 1) | (error ? 1 : 0));
        times.set(slot, epochMillis);
    }

    /** Samples recorded at or after {@code sinceMillis}, plus whether older ones in that window were overwritten. */
    WindowSamples since(long sinceMillis) {
        long total = written.get();
        int size = (int) Math.min(total, capacity);
        long[] latencies = new long[size];
        int n = 0;
        int errors = 0;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long time = times.get(i);
            oldest = Math.min(oldest, time);
            if (time >= sinceMillis) {
                long value = values.get(i);
                latencies[n++] = value >>> 1;
                errors += (int) (value & 1);
            }
        }
        boolean truncated = total > capacity && oldest > sinceMillis;
        return new WindowSamples(java.util.Arrays.copyOf(latencies, n), errors, truncated);
    }

    /** Latencies in microseconds (unordered), errors among them, whether the ring no longer covers the window. */
    record WindowSamples(long[] latencyMicros, int errors, boolean truncated) {
    }
}
