package io.strangler.judge;

import java.time.Instant;

/**
 * A verdict with the evidence behind it; plain data, serialisable to JSON with Jackson (stored as gate evidence).
 * Statistics that were not computed (INCONCLUSIVE) are {@code null}.
 *
 * @param verdict             PASS, FAIL or INCONCLUSIVE
 * @param reason              one sentence a human can act on, e.g. which test failed with which figures
 * @param routeId             the route judged
 * @param from                start of the sampled window
 * @param to                  end of the sampled window
 * @param legacy              legacy's counts and median
 * @param candidate           the candidate's counts and median
 * @param latencyPValue       one-sided Mann-Whitney U p-value of "candidate slower than legacy × (1 + tolerance)"
 * @param latencyEffectSize   Cliff's delta of candidate vs legacy × (1 + tolerance), in [-1, 1]; &gt; 0 = slower
 * @param errorPValue         one-sided two-proportion z-test p-value of "candidate error rate &gt; legacy + tolerance"
 * @param errorRateDifference candidate error rate minus legacy error rate
 * @param policy              the policy applied
 */
public record Judgement(Verdict verdict, String reason, String routeId, Instant from, Instant to,
                        SideEvidence legacy, SideEvidence candidate, Double latencyPValue, Double latencyEffectSize,
                        Double errorPValue, Double errorRateDifference, JudgePolicy policy) {

    /**
     * One side's figures.
     *
     * @param requests            requests in the window
     * @param errors              failed requests
     * @param errorRate           errors / requests (0 without requests)
     * @param latencySamples      latency samples the rank test used
     * @param latencyMedianMillis median of those samples, null without samples
     */
    public record SideEvidence(long requests, long errors, double errorRate, int latencySamples,
                               Double latencyMedianMillis) {
    }
}
