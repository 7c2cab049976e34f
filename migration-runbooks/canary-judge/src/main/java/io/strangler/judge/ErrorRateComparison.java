package io.strangler.judge;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One-sided two-proportion z-test of "candidate error rate &gt; legacy error rate + tolerance" (H0: difference
 * &lt;= tolerance). With a zero tolerance H0 is "equal rates" and the standard error is the pooled one (the textbook
 * test, better calibrated at low rates); with a non-zero tolerance the rates differ under H0, so it is unpooled.
 * When the standard error is 0 (both sides all-success or all-failure) the difference is exact: the p-value is 0
 * when it exceeds the tolerance, else 1.
 */
record ErrorRateComparison(double pValue, double difference) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    static ErrorRateComparison of(BackendSamples legacy, BackendSamples candidate, double tolerance) {
        double legacyRate = legacy.errorRate();
        double candidateRate = candidate.errorRate();
        double difference = candidateRate - legacyRate;
        double excess = difference - tolerance;
        double standardError = tolerance == 0 ? pooledStandardError(legacy, candidate)
                : Math.sqrt(legacyRate * (1 - legacyRate) / legacy.requests()
                        + candidateRate * (1 - candidateRate) / candidate.requests());
        if (standardError == 0) {
            return new ErrorRateComparison(excess > 0 ? 0 : 1, difference);
        }
        double z = excess / standardError;
        return new ErrorRateComparison(1 - STANDARD_NORMAL.cumulativeProbability(z), difference);
    }

    private static double pooledStandardError(BackendSamples legacy, BackendSamples candidate) {
        double pooled = (double) (legacy.errors() + candidate.errors()) / (legacy.requests() + candidate.requests());
        return Math.sqrt(pooled * (1 - pooled) * (1.0 / legacy.requests() + 1.0 / candidate.requests()));
    }
}
