package io.strangler.cdc.parity;

import java.time.Duration;
import java.time.Instant;

/**
 * The progress of one comparison, updated by the thread that runs it and read by the API; it can be cancelled
 * between two chunks.
 */
public final class ParityProgress {

    private final String table;
    private final Instant startedAt = Instant.now();
    private volatile String state = "RUNNING";
    private volatile int chunksTotal;
    private volatile int chunksDone;
    private volatile long rowsDone;
    private volatile boolean cancelRequested;
    private volatile ParityReport report;
    private volatile String error;

    ParityProgress(String table) {
        this.table = table;
    }

    void begin(int chunks) {
        chunksTotal = chunks;
    }

    void chunkDone(long rows) {
        chunksDone++;
        rowsDone += rows;
    }

    void finish(ParityReport report) {
        this.report = report;
        state = "DONE";
    }

    void cancelled() {
        state = "CANCELLED";
    }

    void failed(String message) {
        error = message;
        state = "FAILED";
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Asks the run to stop after the chunk it is comparing. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }

    /** A consistent view for the API: rate in rows per second, time left estimated from the chunks left. */
    public Status status() {
        double seconds = Math.max(0.001, Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
        int done = chunksDone;
        double chunkRate = done / seconds;
        Double secondsLeft = done == 0 || !running() ? null : (chunksTotal - done) / chunkRate;
        return new Status(table, state, done, chunksTotal, rowsDone, rowsDone / seconds, secondsLeft, startedAt,
                report, error);
    }

    /**
     * @param secondsLeft estimated, null before the first chunk and once finished
     * @param report      the result once {@code DONE}
     */
    public record Status(String table, String state, int chunksDone, int chunksTotal, long rowsDone,
            double rowsPerSecond, Double secondsLeft, Instant startedAt, ParityReport report, String error) {
    }
}
