package io.strangler.judge;

import java.time.Instant;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;

/** Seeded synthetic traffic: log-normal latencies (median ~50 ms) and Bernoulli errors. */
final class Synthetic {

    static final Instant FROM = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant TO = FROM.plusSeconds(300);

    private final Well19937c random;
    private final LogNormalDistribution latency;

    Synthetic(long seed) {
        random = new Well19937c(seed);
        latency = new LogNormalDistribution(random, Math.log(50), 0.5, 1e-9);
    }

    BackendSamples backend(int requests, double slowdown, double errorRate) {
        double[] latencies = new double[requests];
        long errors = 0;
        for (int i = 0; i < requests; i++) {
            latencies[i] = latency.sample() * slowdown;
            if (random.nextDouble() < errorRate) {
                errors++;
            }
        }
        return new BackendSamples(requests, errors, latencies);
    }

    CanarySamples canary(int perSide, double candidateSlowdown, double legacyErrorRate, double candidateErrorRate) {
        return new CanarySamples("catalog", FROM, TO, backend(perSide, 1, legacyErrorRate),
                backend(perSide, candidateSlowdown, candidateErrorRate));
    }
}
