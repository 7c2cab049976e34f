package io.strangler.judge;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Candidate latencies vs legacy latencies scaled by {@code 1 + tolerance}: one-sided Mann-Whitney U p-value of
 * "candidate slower" and Cliff's delta of the same comparison.
 *
 * <p>Commons Math returns the two-sided p-value of the normal approximation {@code 2·Φ(-|z|)}; since that
 * distribution is symmetric the one-sided p-value is half of it when the candidate ranks higher, and
 * {@code 1 - p/2} otherwise. Commons Math applies no tie correction, which makes the test conservative when many
 * samples tie (histogram-expanded samples from Prometheus).
 */
record LatencyComparison(double pValue, double cliffsDelta) {

    static LatencyComparison of(double[] legacy, double[] candidate, double tolerance) {
        double[] tolerated = Arrays.stream(legacy).map(latency -> latency * (1 + tolerance)).toArray();
        double twoSided = new MannWhitneyUTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE)
                .mannWhitneyUTest(tolerated, candidate);
        double delta = cliffsDelta(tolerated, candidate);
        double oneSided = delta > 0 ? twoSided / 2 : 1 - twoSided / 2;
        return new LatencyComparison(Math.min(1, oneSided), delta);
    }

    /**
     * Cliff's delta P(candidate &gt; legacy) - P(candidate &lt; legacy), from the candidate's U statistic:
     * {@code delta = 2·U/(n·m) - 1}, {@code U = R - n(n+1)/2} with {@code R} the candidate's rank sum (ties averaged).
     */
    static double cliffsDelta(double[] legacy, double[] candidate) {
        double[] both = new double[legacy.length + candidate.length];
        System.arraycopy(legacy, 0, both, 0, legacy.length);
        System.arraycopy(candidate, 0, both, legacy.length, candidate.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(both);
        double candidateRankSum = 0;
        for (int i = legacy.length; i < ranks.length; i++) {
            candidateRankSum += ranks[i];
        }
        double n = candidate.length;
        double u = candidateRankSum - n * (n + 1) / 2;
        return 2 * u / (n * legacy.length) - 1;
    }
}
