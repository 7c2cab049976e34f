package io.strangler.flags.service.togglz;

import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.route.ChangeChannel;
import io.strangler.flags.service.route.InvalidRequestException;
import io.strangler.flags.service.route.RouteChange;
import io.strangler.flags.service.route.RouteChanges;
import io.strangler.flags.service.route.RouteStore;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.togglz.core.Feature;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.StateRepository;

/**
 * The state repository Togglz (and so its console) sees. Reads come straight from the route store; a write from the
 * Togglz console becomes an ordinary route change (validated, versioned, audited with channel TOGGLZ_CONSOLE and
 * pushed to subscribers), so no change path bypasses the audit log.
 */
class AuditedStateRepository implements StateRepository {

    static final String REASON = "Changed in the Togglz console";

    private final RouteStore store;
    private final RouteChanges changes;

    AuditedStateRepository(RouteStore store, RouteChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @Override
    public FeatureState getFeatureState(Feature feature) {
        return store.featureState(feature.name());
    }

    @Override
    public void setFeatureState(FeatureState state) {
        RouteState current = changes.current(state.getFeature().name());
        if (state.getStrategyId() != null && !RouteStore.STRATEGY_ID.equals(state.getStrategyId())) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Violation("strategy",
                    "a route's state uses the strategy '" + RouteStore.STRATEGY_ID + "' only")));
        }
        // the console only sends the strategy's parameters: keep the current ones where it sends none
        String mode = state.getParameter(RouteStore.MODE) == null ? current.mode().name() : state.getParameter(RouteStore.MODE);
        String percent = state.getParameter(RouteStore.PERCENT);
        changes.change(current.routeId(), current.version(),
                new RouteChange(mode, percent(percent, current), !state.isEnabled(), REASON), actor(), ChangeChannel.TOGGLZ_CONSOLE);
    }

    private static BigDecimal percent(String value, RouteState current) {
        if (value == null || value.isBlank()) {
            return current.percent();
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.Violation("percent",
                    "must be a number between 0 and 100, was '" + value + "'")));
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new IllegalStateException("A Togglz console change without an authenticated user");
        }
        return authentication.getName();
    }
}
