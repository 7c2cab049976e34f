package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteState;

/** Published after a change has been committed. */
public record RouteChangedEvent(RouteState previous, RouteState current, ChangeChannel channel, String reason) {
}
