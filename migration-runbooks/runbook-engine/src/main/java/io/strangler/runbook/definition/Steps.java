package io.strangler.runbook.definition;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The step kinds. Optional fields are given their defaults here (the schema documents them); durations are parsed
 * from {@code 30s}/{@code 5m} style text by {@link RunbookParser}.
 */
public final class Steps {

    /** Default for how long a check or gate may take before it fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Default comparison window of gates. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private Steps() {
    }

    /** cdc-sync's reconciler: {@code runs} consecutive comparisons of {@code table} at {@code >= minPercent}. */
    @StepKind("check-parity")
    public record ParityCheck(String id, String description, String table, Double minPercent, Integer runs,
                              Duration every, Duration timeout) implements Step {
        public ParityCheck {
            minPercent = Objects.requireNonNullElse(minPercent, 100.0);
            runs = Objects.requireNonNullElse(runs, 1);
            every = Objects.requireNonNullElse(every, Duration.ofSeconds(5));
            timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        }

        @Override
        public String summary() {
            return "check parity of " + table + " >= " + minPercent + " % (" + runs + " run" + (runs > 1 ? "s" : "") + ")";
        }
    }

    /** CDC lag p99 of every table and direction (or of {@code tables}) under {@code maxLagMillis}. */
    @StepKind("check-cdc-lag")
    public record LagCheck(String id, String description, long maxLagMillis, List<String> tables, Duration timeout)
            implements Step {
        public LagCheck {
            tables = tables == null ? List.of() : List.copyOf(tables);
            timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        }

        @Override
        public String summary() {
            return "check CDC lag p99 <= " + maxLagMillis + " ms" + (tables.isEmpty() ? "" : " on " + tables);
        }
    }

    /** Every listed service reports UP on its actuator health endpoint. */
    @StepKind("check-health")
    public record HealthCheck(String id, String description, List<String> services, Duration timeout) implements Step {
        public HealthCheck {
            services = List.copyOf(services);
            timeout = Objects.requireNonNullElse(timeout, Duration.ofMinutes(2));
        }

        @Override
        public String summary() {
            return "check health of " + String.join(", ", services);
        }
    }

    /** Sets a route's mode and percentage in the flag service. */
    @StepKind("set-route")
    public record SetRoute(String id, String description, String route, String mode, Double percent) implements Step {
        public SetRoute {
            percent = Objects.requireNonNullElse(percent, 0.0);
        }

        @Override
        public String summary() {
            return "set route " + route + " to " + mode
                    + (mode.equals("SHADOW") || mode.equals("CANARY") ? " " + percent + " %" : "");
        }
    }

    /** Sets a table's owner in cdc-sync. */
    @StepKind("set-ownership")
    public record SetOwnership(String id, String description, String table, String owner) implements Step {
        @Override
        public String summary() {
            return "set owner of table " + table + " to " + owner;
        }
    }

    /** At least {@code minCompared} shadow comparisons and a mismatch rate of at most {@code maxMismatchRate}. */
    @StepKind("gate-shadow")
    public record ShadowGate(String id, String description, String route, double maxMismatchRate, long minCompared,
                             Duration window, Duration timeout) implements Step {
        public ShadowGate {
            window = Objects.requireNonNullElse(window, DEFAULT_WINDOW);
            timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        }

        @Override
        public String summary() {
            return "gate: shadow mismatch rate of " + route + " <= " + maxMismatchRate + " over >= " + minCompared
                    + " compared pairs";
        }
    }

    /** The canary judge; the policy fields left out take the judge's defaults. */
    @StepKind("gate-canary")
    public record CanaryGate(String id, String description, String route, Duration window, Duration timeout,
                             Double alpha, Integer minSamples, Double latencyTolerance, Double errorRateTolerance,
                             Double minEffectSize) implements Step {
        public CanaryGate {
            window = Objects.requireNonNullElse(window, DEFAULT_WINDOW);
            timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        }

        @Override
        public String summary() {
            return "gate: canary judge on " + route + " (new not worse than legacy)";
        }
    }

    /** Legacy served no request of the route during a whole {@code window} (retirement proof). */
    @StepKind("gate-legacy-idle")
    public record LegacyIdleGate(String id, String description, String route, Duration window, Duration timeout)
            implements Step {
        public LegacyIdleGate {
            timeout = Objects.requireNonNullElse(timeout, window.plus(DEFAULT_TIMEOUT));
        }

        @Override
        public String summary() {
            return "gate: no legacy traffic on " + route + " for " + window;
        }
    }

    /** A person with {@code role} approves or rejects, with a reason. */
    @StepKind("approval")
    public record Approval(String id, String description, String role, String prompt, Duration timeout)
            implements Step {
        @Override
        public String summary() {
            return "approval by " + role + ": " + prompt;
        }
    }

    /** Waits (soaks) for {@code duration}, counted from the step's start even across a restart. */
    @StepKind("wait")
    public record Wait(String id, String description, Duration duration) implements Step {
        @Override
        public String summary() {
            return "wait " + duration;
        }
    }
}
