package io.strangler.judge.source;

import java.time.Duration;
import java.util.regex.Pattern;

/** Argument checks shared by the sources: route ids as the gateway accepts them, windows of whole seconds. */
final class Windows {

    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofHours(24);
    private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private Windows() {
    }

    static String routeId(String routeId) {
        if (routeId == null || !ROUTE_ID.matcher(routeId).matches()) {
            throw new IllegalArgumentException("routeId must match [a-z0-9-]{1,64} like the gateway's route ids, got '"
                    + routeId + "'");
        }
        return routeId;
    }

    /** @return the window in whole seconds, e.g. {@code 300s}, a form both the gateway and PromQL accept */
    static String seconds(Duration window) {
        if (window == null || window.compareTo(MIN) < 0 || window.compareTo(MAX) > 0 || window.toNanosPart() != 0) {
            throw new IllegalArgumentException("window must be whole seconds between 1s and 24h, got " + window);
        }
        return window.toSeconds() + "s";
    }
}
