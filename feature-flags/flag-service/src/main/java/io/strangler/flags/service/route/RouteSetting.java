package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteMode;
import java.math.BigDecimal;

/** A validated route setting: what a change sets. */
public record RouteSetting(RouteMode mode, BigDecimal percent, boolean killSwitch, String reason) {
}
