package io.strangler.judge;

import java.time.Duration;
import java.util.Optional;

/**
 * "Time to decision": when will both sides hold {@code minSamplesPerSide} samples, at the current request rates?
 *
 * <p>Assumes samples accumulate (the canary's window grows with it). With a sliding window of fixed length,
 * a side never gets there when rate × window &lt; minimum: {@link #minimumWindow()} says how long a window must be.
 *
 * @param legacyMissing       samples legacy still lacks, {@code >= 0}
 * @param candidateMissing    samples the candidate still lacks, {@code >= 0}
 * @param legacyPerSecond     legacy's current request rate
 * @param candidatePerSecond  the candidate's current request rate
 * @param minSamplesPerSide   the target per side
 */
public record SampleForecast(long legacyMissing, long candidateMissing, double legacyPerSecond,
                             double candidatePerSecond, int minSamplesPerSide) {

    /** @throws IllegalArgumentException on negative counts or rates, or non-finite rates */
    public SampleForecast {
        if (legacyMissing < 0 || candidateMissing < 0) {
            throw new IllegalArgumentException("missing sample counts must be >= 0");
        }
        requireRate("legacyPerSecond", legacyPerSecond);
        requireRate("candidatePerSecond", candidatePerSecond);
        if (minSamplesPerSide < 1) {
            throw new IllegalArgumentException("minSamplesPerSide must be >= 1, got " + minSamplesPerSide);
        }
    }

    /**
     * @param legacyHave         samples legacy has now
     * @param legacyPerSecond    legacy's request rate
     * @param candidateHave      samples the candidate has now
     * @param candidatePerSecond the candidate's request rate
     * @param minSamplesPerSide  the target per side, usually {@link JudgePolicy#minSamplesPerSide()}
     */
    public static SampleForecast estimate(long legacyHave, double legacyPerSecond, long candidateHave,
                                          double candidatePerSecond, int minSamplesPerSide) {
        return new SampleForecast(Math.max(0, minSamplesPerSide - legacyHave),
                Math.max(0, minSamplesPerSide - candidateHave), legacyPerSecond, candidatePerSecond, minSamplesPerSide);
    }

    /**
     * Rates from the samples' own window (requests / window length), counts = the smaller of requests and latency
     * samples per side, target = the policy's minimum.
     */
    public static SampleForecast of(CanarySamples samples, JudgePolicy policy) {
        double seconds = samples.window().toNanos() / 1e9;
        return estimate(have(samples.legacy()), rate(samples.legacy(), seconds), have(samples.candidate()),
                rate(samples.candidate(), seconds), policy.minSamplesPerSide());
    }

    /** @return true when both sides already have enough samples */
    public boolean ready() {
        return legacyMissing == 0 && candidateMissing == 0;
    }

    /**
     * @return how long until both sides have enough samples (zero when ready), empty when a side that lacks samples
     *         gets no traffic
     */
    public Optional<Duration> timeToDecision() {
        Optional<Duration> legacy = timeFor(legacyMissing, legacyPerSecond);
        Optional<Duration> candidate = timeFor(candidateMissing, candidatePerSecond);
        if (legacy.isEmpty() || candidate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(legacy.get().compareTo(candidate.get()) >= 0 ? legacy.get() : candidate.get());
    }

    /** @return the shortest sliding window that holds {@code minSamplesPerSide} on both sides; empty without traffic */
    public Optional<Duration> minimumWindow() {
        Optional<Duration> legacy = timeFor(minSamplesPerSide, legacyPerSecond);
        Optional<Duration> candidate = timeFor(minSamplesPerSide, candidatePerSecond);
        if (legacy.isEmpty() || candidate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(legacy.get().compareTo(candidate.get()) >= 0 ? legacy.get() : candidate.get());
    }

    private static Optional<Duration> timeFor(long missing, double perSecond) {
        if (missing == 0) {
            return Optional.of(Duration.ZERO);
        }
        if (perSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000)));
    }

    private static long have(BackendSamples backend) {
        return Math.min(backend.requests(), backend.latencySampleCount());
    }

    private static double rate(BackendSamples backend, double seconds) {
        return seconds <= 0 ? 0 : backend.requests() / seconds;
    }

    private static void requireRate(String name, double rate) {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + rate);
        }
    }
}
