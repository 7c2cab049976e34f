package io.strangler.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent events of one route (shadow results, fallbacks), each a timestamp and a kind, for counts over a
 * window with the same semantics as the latency samples of {@link RouteLatencies}: an event counts when it happened
 * at or after {@code now - window}. Lock-free and bounded to {@code capacity} events; when older events in the
 * window have been overwritten, the counts say so ({@link Counts#truncated()}).
 */
public final class EventWindow {

    private final int capacity;
    private final int kinds;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLongArray times;
    private final AtomicLongArray events;

    /**
     * @param capacity events kept (at least 1)
     * @param kinds    distinct kinds, recorded as {@code 0..kinds-1}
     * @param clock    the time source
     */
    public EventWindow(int capacity, int kinds, Clock clock) {
        if (capacity < 1 || kinds < 1) {
            throw new IllegalArgumentException("capacity and kinds must be positive, got " + capacity + " and " + kinds);
        }
        this.capacity = capacity;
        this.kinds = kinds;
        this.clock = clock;
        this.times = new AtomicLongArray(capacity);
        this.events = new AtomicLongArray(capacity);
    }

    /** Records one event of this kind, now. */
    public void record(int kind) {
        if (kind < 0 || kind >= kinds) {
            throw new IllegalArgumentException("kind must be 0.." + (kinds - 1) + ", got " + kind);
        }
        int slot = (int) (written.getAndIncrement() % capacity);
        // an unwritten slot holds kind -1 until its time is set; a racing reader skips it
        events.set(slot, -1);
        times.set(slot, clock.millis());
        events.set(slot, kind);
    }

    /** Events per kind over the last {@code window}. */
    public Counts counts(Duration window) {
        long since = clock.millis() - window.toMillis();
        long total = written.get();
        int size = (int) Math.min(total, capacity);
        long[] counts = new long[kinds];
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long time = times.get(i);
            long kind = events.get(i);
            oldest = Math.min(oldest, time);
            if (time >= since && kind >= 0) {
                counts[(int) kind]++;
            }
        }
        return new Counts(counts, total > capacity && oldest > since);
    }

    /**
     * @param perKind   events per kind, indexed by kind
     * @param truncated the store no longer covers the whole window: the counts are of the most recent events only
     */
    public record Counts(long[] perKind, boolean truncated) {

        /** Events of one kind. */
        public long of(int kind) {
            return perKind[kind];
        }

        /** Events of every kind. */
        public long total() {
            long sum = 0;
            for (long count : perKind) {
                sum += count;
            }
            return sum;
        }
    }
}
