package io.strangler.flags.service.audit;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.service.route.ChangeChannel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accepted change of a route: who, when, through which channel, why, and the setting before and after.
 */
public record AuditEntry(long id, String routeId, Instant changedAt, String actor, ChangeChannel channel, String reason,
                         Setting before, Setting after) {

    /** A route's setting at one version. */
    public record Setting(RouteMode mode, BigDecimal percent, boolean killSwitch, long version) {
    }
}
