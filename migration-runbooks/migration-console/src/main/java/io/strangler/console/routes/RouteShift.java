package io.strangler.console.routes;

import io.strangler.console.problem.InvalidInput;
import io.strangler.console.problem.InvalidInput.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /api/routes/{id}}: the route's new setting, as the flag service takes it. Checked here first
 * so that an operator gets every broken field at once, without a round trip.
 *
 * @param mode      LEGACY, SHADOW, CANARY or NEW (any case)
 * @param percent   0-100, at most two decimals; required in SHADOW and CANARY
 * @param killSwitch forces LEGACY while set; optional
 * @param reason    why, required, at most {@value #MAX_REASON} characters
 */
record RouteShift(String mode, BigDecimal percent, Boolean killSwitch, String reason) {

    static final int MAX_REASON = 400;
    private static final Set<String> MODES = Set.of("LEGACY", "SHADOW", "CANARY", "NEW");

    /** The flag service's body, its reason naming the console user; or a 400 naming every broken field. */
    Map<String, Object> toFlagChange(String user) {
        List<FieldError> errors = new ArrayList<>();
        String upper = mode == null ? null : mode.trim().toUpperCase(Locale.ROOT);
        if (upper == null || !MODES.contains(upper)) {
            errors.add(new FieldError("mode", "must be one of LEGACY, SHADOW, CANARY, NEW, got " + mode));
        }
        boolean needsPercent = "SHADOW".equals(upper) || "CANARY".equals(upper);
        if (percent == null && needsPercent) {
            errors.add(new FieldError("percent", "is required in " + upper));
        } else if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("percent", "must be from 0 to 100 with at most two decimals, got " + percent));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required: say why, it goes into the audit trail"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters, got " + reason.length()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("mode", upper);
        change.put("percent", percent == null ? BigDecimal.ZERO : percent);
        change.put("killSwitch", Boolean.TRUE.equals(killSwitch));
        // the flag service audits the console's account; the reason keeps the person who asked
        change.put("reason", reason.trim() + " (console: " + user + ")");
        return change;
    }
}
