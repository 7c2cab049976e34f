package io.strangler.gateway.metrics;

/**
 * One route × backend over a time window.
 *
 * @param count            requests answered
 * @param errors           of which failed (5xx, no response)
 * @param errorRate        errors / count (0 when no request)
 * @param p50Millis        median latency, null when no request
 * @param p95Millis        95th percentile, null when no request
 * @param p99Millis        99th percentile, null when no request
 * @param truncated        the sample store no longer covers the whole window: counts are of the most recent samples
 * @param latencySamplesMillis the most recent raw latencies (bounded), for a statistical judge
 */
public record BackendWindow(long count, long errors, double errorRate, Double p50Millis, Double p95Millis,
                            Double p99Millis, boolean truncated, double[] latencySamplesMillis) {

    static final BackendWindow EMPTY = new BackendWindow(0, 0, 0, null, null, null, false, new double[0]);
}
