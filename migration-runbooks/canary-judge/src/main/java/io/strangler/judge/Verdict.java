package io.strangler.judge;

/** The outcome of judging a canary. */
public enum Verdict {
    /** Enough samples, and neither latency nor errors of the candidate are significantly worse than tolerated. */
    PASS,
    /** The candidate is significantly slower or fails significantly more often than tolerated. */
    FAIL,
    /** Not enough samples on one side to decide; ask again later (see {@link SampleForecast}). */
    INCONCLUSIVE
}
