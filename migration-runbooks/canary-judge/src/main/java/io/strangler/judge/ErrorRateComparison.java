package io.strangler.judge;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One-sided two-proportion z-test of "candidate error rate &gt; legacy error rate + tolerance" (H0: difference
 * &lt;= tolerance), with the unpooled standard error: a pooled one assumes equal rates, which a non-zero tolerance
 * denies. When both sides are all-success (or all-failure) the standard error is 0: the difference is then exact,
 * and the p-value is 0 when it exceeds the tolerance, else 1.
 */
record ErrorRateComparison(double pValue, double difference) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    static ErrorRateComparison of(BackendSamples legacy, BackendSamples candidate, double tolerance) {
        double legacyRate = legacy.errorRate();
        double candidateRate = candidate.errorRate();
        double difference = candidateRate - legacyRate;
        double excess = difference - tolerance;
        double standardError = Math.sqrt(legacyRate * (1 - legacyRate) / legacy.requests()
                + candidateRate * (1 - candidateRate) / candidate.requests());
        if (standardError == 0) {
            return new ErrorRateComparison(excess > 0 ? 0 : 1, difference);
        }
        double z = excess / standardError;
        return new ErrorRateComparison(1 - STANDARD_NORMAL.cumulativeProbability(z), difference);
    }
}
