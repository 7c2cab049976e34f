package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.service.route.InvalidRequestException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The rules every change must follow, whichever channel it comes through. */
public final class RouteChangeValidator {

    static final int MAX_REASON_LENGTH = 500;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RouteChangeValidator() {
    }

    /** Validates a change; throws {@link InvalidRequestException} listing every broken rule. */
    public static RouteSetting validate(RouteChange change) {
        List<Violation> violations = new ArrayList<>();
        RouteMode mode = mode(change.mode(), violations);
        BigDecimal percent = change.percent();
        if (percent == null) {
            if (mode != null && mode.usesPercent()) {
                violations.add(new Violation("percent", "is required in " + mode + " mode (0-100)"));
            }
            percent = BigDecimal.ZERO;
        } else if (percent.compareTo(BigDecimal.ZERO) < 0 || percent.compareTo(HUNDRED) > 0) {
            violations.add(new Violation("percent", "must be between 0 and 100, was " + percent.toPlainString()));
        } else if (percent.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("percent", "allows at most two decimals (0.01 % steps), was " + percent.toPlainString()));
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.isEmpty()) {
            violations.add(new Violation("reason", "is required: say why the route changes"));
        } else if (reason.length() > MAX_REASON_LENGTH) {
            violations.add(new Violation("reason", "must be at most " + MAX_REASON_LENGTH + " characters, was " + reason.length()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        BigDecimal normalized = percent.stripTrailingZeros();
        if (normalized.scale() < 0) {
            normalized = normalized.setScale(0);
        }
        return new RouteSetting(mode, normalized, Boolean.TRUE.equals(change.killSwitch()), reason);
    }

    private static RouteMode mode(String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation("mode", "is required: one of " + Arrays.toString(RouteMode.values())));
            return null;
        }
        try {
            return RouteMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("mode", "unknown mode '" + value + "'; accepted: " + Arrays.toString(RouteMode.values())));
            return null;
        }
    }
}
