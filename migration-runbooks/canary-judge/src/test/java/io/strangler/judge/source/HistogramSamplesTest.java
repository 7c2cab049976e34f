package io.strangler.judge.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistogramSamplesTest {

    @Test
    void shouldPlaceEachBucketsRequestsAtItsMidpointInMilliseconds() {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        cumulative.put(0.010, 2.0);
        cumulative.put(0.020, 5.0);
        cumulative.put(Double.POSITIVE_INFINITY, 6.0);

        assertThat(HistogramSamples.expand(cumulative, 1_000)).containsExactly(5, 5, 15, 15, 15, 20);
    }

    @Test
    void shouldScaleEveryBucketDownBeyondTheMaximum() {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        cumulative.put(0.010, 1_000.0);
        cumulative.put(0.020, 4_000.0);
        cumulative.put(Double.POSITIVE_INFINITY, 4_000.0);

        double[] samples = HistogramSamples.expand(cumulative, 400);

        assertThat(samples).hasSize(400);
        assertThat(java.util.Arrays.stream(samples).filter(value -> value == 5).count()).isEqualTo(100);
    }

    @Test
    void shouldRoundExtrapolatedCountsAndIgnoreADipBetweenBuckets() {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        cumulative.put(0.010, 2.4);
        cumulative.put(0.020, 2.3);
        cumulative.put(0.040, 3.6);

        assertThat(HistogramSamples.expand(cumulative, 1_000)).containsExactly(5, 5, 30);
    }

    @Test
    void shouldGiveNoSampleForAnEmptyHistogram() {
        assertThat(HistogramSamples.expand(new TreeMap<>(), 10)).isEmpty();
    }
}
