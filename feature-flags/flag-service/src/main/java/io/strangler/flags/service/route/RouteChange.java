package io.strangler.flags.service.route;

import java.math.BigDecimal;

/**
 * A requested change of one route, as received from any channel and not yet validated: every field may be missing or
 * out of range. {@link RouteChangeValidator} turns it into a {@link RouteSetting} or a list of violations.
 *
 * @param mode       one of LEGACY, SHADOW, CANARY, NEW (case-insensitive)
 * @param percent    0-100, at most two decimals; required for SHADOW and CANARY, 0 when absent otherwise
 * @param killSwitch true forces the route to LEGACY; absent means false
 * @param reason     why; required, at most 500 characters
 */
public record RouteChange(String mode, BigDecimal percent, Boolean killSwitch, String reason) {
}
