package io.strangler.judge;

/**
 * How strict a {@link CanaryJudge} is. Immutable; validated on construction.
 *
 * <p>The candidate FAILs when either one-sided test rejects at {@code alpha / 2} (Bonferroni over the two tests, so
 * identical backends FAIL at most {@code alpha} of the time):
 * <ul>
 *   <li>latency: Mann-Whitney U of candidate latencies against legacy latencies multiplied by
 *       {@code 1 + latencyTolerance}, alternative "candidate slower", AND Cliff's delta of that same comparison
 *       {@code >= minEffectSize};</li>
 *   <li>errors: two-proportion z-test, alternative "candidate error rate &gt; legacy error rate +
 *       errorRateTolerance".</li>
 * </ul>
 *
 * @param alpha              family-wise significance level, in (0, 0.5]
 * @param minSamplesPerSide  requests AND latency samples each side needs before a verdict other than INCONCLUSIVE,
 *                           {@code >= 10} (the tests use normal approximations)
 * @param latencyTolerance   relative slowdown tolerated, e.g. 0.10 = the candidate may be 10 % slower; in [0, 10]
 * @param errorRateTolerance absolute error-rate excess tolerated, e.g. 0.01 = one percentage point; in [0, 1)
 * @param minEffectSize      smallest Cliff's delta (candidate vs tolerated legacy, in [-1, 1]) that can FAIL on
 *                           latency, so huge samples do not fail on a trivial shift; in [0, 1)
 */
public record JudgePolicy(double alpha, int minSamplesPerSide, double latencyTolerance, double errorRateTolerance,
                          double minEffectSize) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final int DEFAULT_MIN_SAMPLES_PER_SIDE = 100;
    public static final double DEFAULT_LATENCY_TOLERANCE = 0.10;
    public static final double DEFAULT_ERROR_RATE_TOLERANCE = 0.01;
    public static final double DEFAULT_MIN_EFFECT_SIZE = 0.05;

    /** alpha 0.05, 100 samples per side, 10 % slower tolerated, +1 point of error rate tolerated, delta >= 0.05. */
    public static final JudgePolicy DEFAULT = new JudgePolicy(DEFAULT_ALPHA, DEFAULT_MIN_SAMPLES_PER_SIDE,
            DEFAULT_LATENCY_TOLERANCE, DEFAULT_ERROR_RATE_TOLERANCE, DEFAULT_MIN_EFFECT_SIZE);

    /** @throws IllegalArgumentException naming the bad field and the accepted range */
    public JudgePolicy {
        requireIn("alpha", alpha, 0, false, 0.5, true);
        if (minSamplesPerSide < 10) {
            throw new IllegalArgumentException("minSamplesPerSide must be >= 10, got " + minSamplesPerSide);
        }
        requireIn("latencyTolerance", latencyTolerance, 0, true, 10, true);
        requireIn("errorRateTolerance", errorRateTolerance, 0, true, 1, false);
        requireIn("minEffectSize", minEffectSize, 0, true, 1, false);
    }

    private static void requireIn(String name, double value, double low, boolean lowIncluded, double high,
                                  boolean highIncluded) {
        boolean aboveLow = lowIncluded ? value >= low : value > low;
        boolean belowHigh = highIncluded ? value <= high : value < high;
        if (Double.isNaN(value) || !aboveLow || !belowHigh) {
            throw new IllegalArgumentException(name + " must be in " + (lowIncluded ? "[" : "(") + low + ", " + high
                    + (highIncluded ? "]" : ")") + ", got " + value);
        }
    }

    /** @return this policy with another alpha */
    public JudgePolicy withAlpha(double newAlpha) {
        return new JudgePolicy(newAlpha, minSamplesPerSide, latencyTolerance, errorRateTolerance, minEffectSize);
    }

    /** @return this policy with another minimum sample count per side */
    public JudgePolicy withMinSamplesPerSide(int newMin) {
        return new JudgePolicy(alpha, newMin, latencyTolerance, errorRateTolerance, minEffectSize);
    }

    /** @return this policy with other tolerances and minimum effect size */
    public JudgePolicy withTolerances(double newLatencyTolerance, double newErrorRateTolerance, double newMinEffect) {
        return new JudgePolicy(alpha, minSamplesPerSide, newLatencyTolerance, newErrorRateTolerance, newMinEffect);
    }
}
