package io.strangler.contracts.faults;

import io.strangler.contracts.problem.InvalidField;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /admin/faults}: a full replacement of the settings, an omitted field meaning no such fault.
 *
 * @param latencyMillis milliseconds, 0 to {@value FaultSettings#MAX_LATENCY_MILLIS}; null: 0
 * @param errorRate     0 to 1; null: 0
 */
record FaultsRequest(Long latencyMillis, Double errorRate) {

    /** The settings asked for, or a {@code validation-failed} problem naming every broken field. */
    FaultSettings validated() {
        long latency = latencyMillis == null ? 0 : latencyMillis;
        double rate = errorRate == null ? 0 : errorRate;
        List<InvalidField> errors = new ArrayList<>();
        if (latency < 0 || latency > FaultSettings.MAX_LATENCY_MILLIS) {
            errors.add(new InvalidField("latencyMillis", "must be from 0 to " + FaultSettings.MAX_LATENCY_MILLIS
                    + " milliseconds, got " + latency));
        }
        if (!(rate >= 0 && rate <= 1)) {
            errors.add(new InvalidField("errorRate", "must be a share from 0 to 1 (e.g. 0.2 for 20 %), got " + rate));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElseThrow();
            throw new ShopProblem(ProblemType.VALIDATION_FAILED, detail, errors);
        }
        return new FaultSettings(latency, rate);
    }
}
