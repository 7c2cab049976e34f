package io.strangler.judge.source;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Turns a cumulative Prometheus histogram (upper bound in seconds → count) into latency samples in milliseconds
 * for the rank test. The approximation: every request of bucket {@code (lower, upper]} is placed at the bucket's
 * midpoint (the first bucket starts at 0; the {@code +Inf} bucket sits at the last finite bound, so tails beyond it
 * are under-stated). Many samples tie, which makes the Mann-Whitney test (no tie correction) conservative; Micrometer's
 * percentile-histogram buckets are roughly 10-30 % wide, so differences smaller than a bucket are invisible.
 * Counts from {@code increase()} are fractional: each bucket is rounded; beyond {@code max} samples every bucket is
 * scaled down by the same factor, which keeps the shape and costs only power.
 */
final class HistogramSamples {

    static final int MAX_SAMPLES = 100_000;

    private HistogramSamples() {
    }

    static double[] expand(NavigableMap<Double, Double> cumulative, int max) {
        if (cumulative.isEmpty()) {
            return new double[0];
        }
        double[] counts = new double[cumulative.size()];
        double[] values = new double[cumulative.size()];
        double previousBound = 0;
        double previousCount = 0;
        int bucket = 0;
        for (Map.Entry<Double, Double> entry : cumulative.entrySet()) {
            double upper = entry.getKey();
            // extrapolated per series, a cumulative count can dip slightly below the previous bucket's
            counts[bucket] = Math.max(0, entry.getValue() - previousCount);
            values[bucket] = (Double.isInfinite(upper) ? previousBound : (previousBound + upper) / 2) * 1000;
            previousCount = Math.max(previousCount, entry.getValue());
            previousBound = Double.isInfinite(upper) ? previousBound : upper;
            bucket++;
        }
        double total = Arrays.stream(counts).sum();
        double scale = total > max ? max / total : 1;
        double[] samples = new double[(int) Math.round(Math.min(total, max)) + counts.length];
        int size = 0;
        for (int i = 0; i < counts.length; i++) {
            long n = Math.round(counts[i] * scale);
            Arrays.fill(samples, size, size + (int) n, values[i]);
            size += (int) n;
        }
        return Arrays.copyOf(samples, size);
    }
}
