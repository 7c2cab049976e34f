package io.strangler.judge;

import io.strangler.judge.Judgement.SideEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Decides whether a canary may go on: PASS, FAIL or INCONCLUSIVE, with the evidence. Stateless and thread-safe.
 *
 * <p>Rule (see {@link JudgePolicy}): INCONCLUSIVE while either side has fewer than {@code minSamplesPerSide}
 * requests or latency samples; FAIL when the error test rejects at {@code alpha/2}, or the latency test rejects at
 * {@code alpha/2} with Cliff's delta {@code >= minEffectSize}; PASS otherwise.
 *
 * <pre>{@code
 * Judgement judgement = CanaryJudge.of(JudgePolicy.DEFAULT).judge(source.samples("catalog", Duration.ofMinutes(5)));
 * }</pre>
 */
public final class CanaryJudge {

    private final JudgePolicy policy;

    private CanaryJudge(JudgePolicy policy) {
        this.policy = policy;
    }

    /** @param policy how strict, never null */
    public static CanaryJudge of(JudgePolicy policy) {
        return new CanaryJudge(Objects.requireNonNull(policy, "policy"));
    }

    /** @return the policy this judge applies */
    public JudgePolicy policy() {
        return policy;
    }

    /**
     * @param samples legacy and candidate over one window, never null
     * @return the verdict and its evidence, never null
     */
    public Judgement judge(CanarySamples samples) {
        Objects.requireNonNull(samples, "samples");
        String missing = missingSamples(samples);
        if (missing != null) {
            return judgement(samples, Verdict.INCONCLUSIVE, missing, null, null);
        }
        double[] legacyLatencies = samples.legacy().latenciesMillis();
        double[] candidateLatencies = samples.candidate().latenciesMillis();
        LatencyComparison latency = LatencyComparison.of(legacyLatencies, candidateLatencies, policy.latencyTolerance());
        ErrorRateComparison errors = ErrorRateComparison.of(samples.legacy(), samples.candidate(),
                policy.errorRateTolerance());
        double perTest = policy.alpha() / 2;
        List<String> failures = new ArrayList<>();
        if (errors.pValue() < perTest) {
            failures.add(format("error rate %.4f vs legacy %.4f exceeds the tolerated +%.4f (p=%.3g < %.3g)",
                    samples.candidate().errorRate(), samples.legacy().errorRate(), policy.errorRateTolerance(),
                    errors.pValue(), perTest));
        }
        if (latency.pValue() < perTest && latency.cliffsDelta() >= policy.minEffectSize()) {
            failures.add(format("latency slower than legacy +%.0f%% (p=%.3g < %.3g, Cliff's delta %.3f >= %.3f)",
                    policy.latencyTolerance() * 100, latency.pValue(), perTest, latency.cliffsDelta(),
                    policy.minEffectSize()));
        }
        Verdict verdict = failures.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        String reason = failures.isEmpty()
                ? format("neither latency (p=%.3g, Cliff's delta %.3f) nor error rate (p=%.3g) is significantly worse"
                        + " than tolerated at alpha/2=%.3g", latency.pValue(), latency.cliffsDelta(), errors.pValue(),
                        perTest)
                : "candidate " + String.join("; ", failures);
        return judgement(samples, verdict, reason, latency, errors);
    }

    private String missingSamples(CanarySamples samples) {
        int min = policy.minSamplesPerSide();
        List<String> shortSides = new ArrayList<>();
        addIfShort(shortSides, "legacy", samples.legacy(), min);
        addIfShort(shortSides, "candidate", samples.candidate(), min);
        return shortSides.isEmpty() ? null
                : "not enough samples (need " + min + " requests and latency samples per side): " + String.join(", ", shortSides);
    }

    private static void addIfShort(List<String> shortSides, String side, BackendSamples backend, int min) {
        if (backend.requests() < min || backend.latencySampleCount() < min) {
            shortSides.add(side + " has " + backend.requests() + " requests, " + backend.latencySampleCount()
                    + " latency samples");
        }
    }

    private Judgement judgement(CanarySamples samples, Verdict verdict, String reason, LatencyComparison latency,
                                ErrorRateComparison errors) {
        return new Judgement(verdict, reason, samples.routeId(), samples.from(), samples.to(),
                evidence(samples.legacy()), evidence(samples.candidate()),
                latency == null ? null : latency.pValue(), latency == null ? null : latency.cliffsDelta(),
                errors == null ? null : errors.pValue(), errors == null ? null : errors.difference(), policy);
    }

    private static SideEvidence evidence(BackendSamples backend) {
        Double median = backend.latencySampleCount() == 0 ? null : new Median().evaluate(backend.latenciesMillis());
        return new SideEvidence(backend.requests(), backend.errors(), backend.errorRate(),
                backend.latencySampleCount(), median);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
