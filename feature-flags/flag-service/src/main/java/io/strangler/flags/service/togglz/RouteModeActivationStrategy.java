package io.strangler.flags.service.togglz;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.service.route.RouteStore;
import org.togglz.core.activation.Parameter;
import org.togglz.core.activation.ParameterBuilder;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.spi.ActivationStrategy;
import org.togglz.core.user.FeatureUser;

/**
 * The Togglz activation strategy of a route: its parameters are the route's mode and percentage, described so that
 * the Togglz console renders and validates them. A route is "active" for Togglz when it sends traffic to the new
 * service in any way (any mode but LEGACY); the feature's enabled flag is the inverse of the kill switch.
 */
public class RouteModeActivationStrategy implements ActivationStrategy {

    @Override
    public String getId() {
        return RouteStore.STRATEGY_ID;
    }

    @Override
    public String getName() {
        return "Route mode (strangler gateway)";
    }

    @Override
    public boolean isActive(FeatureState state, FeatureUser user) {
        String mode = state.getParameter(RouteStore.MODE);
        return mode != null && !RouteMode.LEGACY.name().equals(mode.strip());
    }

    @Override
    public Parameter[] getParameters() {
        return new Parameter[] {
            ParameterBuilder.create(RouteStore.MODE).label("Mode")
                    .matching("LEGACY|SHADOW|CANARY|NEW")
                    .description("LEGACY: all to legacy. SHADOW: legacy serves, percent % copied to new and compared. "
                            + "CANARY: percent % of callers (sticky) to new. NEW: all to new, safe requests fall back."),
            ParameterBuilder.create(RouteStore.PERCENT).label("Percent").optional()
                    .matching("(100(\\.0{1,2})?|[0-9]{1,2}(\\.[0-9]{1,2})?)")
                    .description("0-100, at most two decimals: the SHADOW sample rate or the CANARY share")
        };
    }
}
