package io.strangler.runbook.run;

import io.strangler.judge.CanaryJudge;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.JudgePolicy;
import io.strangler.judge.Judgement;
import io.strangler.judge.MetricSource;
import io.strangler.judge.MetricSourceException;
import io.strangler.judge.SampleForecast;
import io.strangler.judge.Verdict;
import io.strangler.runbook.definition.Steps;
import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.RouteTraffic;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * gate-shadow, gate-canary, gate-legacy-idle. Gates look only at traffic since the step started (the window grows
 * from 1 s up to the configured window), so traffic from before the previous action is never judged; while they lack
 * samples they publish a time-to-decision estimate from the current rate.
 */
class Gates {

    private final RouteTraffic traffic;
    private final MetricSource metrics;

    Gates(RouteTraffic traffic, MetricSource metrics) {
        this.traffic = traffic;
        this.metrics = metrics;
    }

    StepResult shadow(Steps.ShadowGate step, StepContext ctx) {
        Duration window = window(ctx, step.window());
        RouteTraffic.TrafficWindow seen;
        try {
            seen = traffic.window(step.route(), window);
        } catch (PortException e) {
            return Checks.retryOrFail(step.timeout(), ctx, e);
        }
        double mismatchRate = seen.compared() == 0 ? 0 : (double) seen.shadowMismatched() / seen.compared();
        Evidence evidence = Evidence.of("route", step.route()).and("windowSeconds", window.toSeconds())
                .and("compared", seen.compared()).and("matched", seen.shadowMatched())
                .and("mismatched", seen.shadowMismatched()).and("mismatchRate", mismatchRate)
                .and("maxMismatchRate", step.maxMismatchRate()).and("minCompared", step.minCompared());
        if (seen.compared() >= step.minCompared()) {
            String figures = seen.shadowMismatched() + " of " + seen.compared() + " compared pairs differ (rate "
                    + round(mismatchRate) + ", bound " + step.maxMismatchRate() + ")";
            return mismatchRate <= step.maxMismatchRate() ? new StepResult.Passed(figures, evidence.map())
                    : new StepResult.Failed(figures, evidence.map());
        }
        double perSecond = seen.compared() / (double) Math.max(1, window.toSeconds());
        Optional<Duration> eta = eta(step.minCompared() - seen.compared(), perSecond);
        return waitingOrTimeout(step.timeout(), ctx, estimate(evidence, perSecond, eta, ctx),
                seen.compared() + "/" + step.minCompared() + " compared pairs", eta);
    }

    StepResult canary(Steps.CanaryGate step, StepContext ctx) {
        JudgePolicy policy = policy(step);
        Duration window = window(ctx, step.window());
        CanarySamples samples;
        try {
            samples = metrics.samples(step.route(), window);
        } catch (MetricSourceException e) {
            return Checks.retryOrFail(step.timeout(), ctx, new PortException(e.getMessage(), e));
        }
        Judgement judgement = CanaryJudge.of(policy).judge(samples);
        Evidence evidence = Evidence.of("route", step.route()).and("windowSeconds", window.toSeconds())
                .and("verdict", judgement.verdict()).and("judgement", judgement);
        if (judgement.verdict() == Verdict.PASS) {
            return new StepResult.Passed("judge PASS: " + judgement.reason(), evidence.map());
        }
        if (judgement.verdict() == Verdict.FAIL) {
            return new StepResult.Failed("judge FAIL: " + judgement.reason(), evidence.map());
        }
        SampleForecast forecast = SampleForecast.of(samples, policy);
        Optional<Duration> eta = forecast.timeToDecision();
        evidence.and("forecast", forecast);
        double perSecond = Math.min(forecast.legacyPerSecond(), forecast.candidatePerSecond());
        return waitingOrTimeout(step.timeout(), ctx, estimate(evidence, perSecond, eta, ctx),
                "judge INCONCLUSIVE: " + judgement.reason(), eta);
    }

    StepResult legacyIdle(Steps.LegacyIdleGate step, StepContext ctx) {
        Duration window = window(ctx, step.window());
        RouteTraffic.TrafficWindow seen;
        try {
            seen = traffic.window(step.route(), window);
        } catch (PortException e) {
            return Checks.retryOrFail(step.timeout(), ctx, e);
        }
        Map<String, Object> evidence = Evidence.of("route", step.route()).and("windowSeconds", window.toSeconds())
                .and("legacyRequests", seen.legacyRequests()).and("newRequests", seen.newRequests())
                .and("fallbacks", seen.fallbacks()).map();
        boolean fullWindow = ctx.elapsed().compareTo(step.window()) >= 0;
        if (fullWindow && seen.legacyRequests() == 0) {
            return new StepResult.Passed("no legacy request on " + step.route() + " for " + step.window() + " ("
                    + seen.newRequests() + " served by new)", evidence);
        }
        String figures = seen.legacyRequests() + " legacy requests in the last " + window.toSeconds() + " s";
        if (ctx.timedOut(step.timeout())) {
            return new StepResult.Failed("legacy still served " + step.route() + " within " + step.timeout() + ": "
                    + figures, evidence);
        }
        return new StepResult.Waiting(figures + "; needs " + step.window() + " without any", evidence);
    }

    private static StepResult waitingOrTimeout(Duration timeout, StepContext ctx, Map<String, Object> evidence,
                                               String figures, Optional<Duration> eta) {
        if (ctx.timedOut(timeout)) {
            return new StepResult.Failed("not enough samples within " + timeout + ": " + figures, evidence);
        }
        return new StepResult.Waiting(figures + eta.map(d -> ", decision in ~" + d.toSeconds() + " s at the current rate")
                .orElse(", no traffic yet: no estimate"), evidence);
    }

    private static Map<String, Object> estimate(Evidence evidence, double perSecond, Optional<Duration> eta,
                                                StepContext ctx) {
        return evidence.and("samplesPerSecond", round(perSecond))
                .and("secondsToDecision", eta.map(Duration::toSeconds).orElse(null))
                .and("estimatedDecisionAt", eta.map(d -> ctx.now().plus(d).toString()).orElse(null)).map();
    }

    private static Optional<Duration> eta(long missing, double perSecond) {
        if (missing <= 0) {
            return Optional.of(Duration.ZERO);
        }
        return perSecond <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000)));
    }

    static Duration window(StepContext ctx, Duration configured) {
        Duration sinceStart = ctx.elapsed();
        Duration window = sinceStart.compareTo(configured) < 0 ? sinceStart : configured;
        // whole seconds: the sources (comparison API, Prometheus) take windows of whole seconds, at least one
        return Duration.ofSeconds(Math.max(1, window.toSeconds()));
    }

    static JudgePolicy policy(Steps.CanaryGate step) {
        JudgePolicy defaults = JudgePolicy.DEFAULT;
        return new JudgePolicy(Objects.requireNonNullElse(step.alpha(), defaults.alpha()),
                Objects.requireNonNullElse(step.minSamples(), defaults.minSamplesPerSide()),
                Objects.requireNonNullElse(step.latencyTolerance(), defaults.latencyTolerance()),
                Objects.requireNonNullElse(step.errorRateTolerance(), defaults.errorRateTolerance()),
                Objects.requireNonNullElse(step.minEffectSize(), defaults.minEffectSize()));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
