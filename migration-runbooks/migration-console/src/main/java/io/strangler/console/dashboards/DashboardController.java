package io.strangler.console.dashboards;

import io.strangler.console.peers.GatewayManagement;
import io.strangler.console.problem.InvalidInput;
import io.strangler.console.routes.RouteIds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route's dashboard: legacy against new over a window (counts, error rates, percentiles, shadow matches with the
 * top differing fields and recent samples, fallbacks), and the history of the same figures per poll interval.
 */
@RestController
@RequestMapping("/api/routes/{id}/dashboard")
class DashboardController {

    private static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final GatewayManagement gateway;
    private final ComparisonHistory history;
    private final DashboardProperties properties;

    DashboardController(GatewayManagement gateway, ComparisonHistory history, DashboardProperties properties) {
        this.gateway = gateway;
        this.history = history;
        this.properties = properties;
    }

    @GetMapping
    Map<String, Object> dashboard(@PathVariable String id, @RequestParam(defaultValue = "5m") String window) {
        RouteIds.checked("id", id);
        Duration duration = window(window);
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("routeId", id);
        dashboard.put("window", duration.toString());
        dashboard.put("comparison", gateway.comparison(id, duration, 0));
        dashboard.put("pollInterval", properties.pollInterval().toString());
        dashboard.put("history", history.of(id));
        dashboard.put("historyError", history.lastError());
        return dashboard;
    }

    static Duration window(String value) {
        Duration window;
        try {
            window = DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException notADuration) {
            throw InvalidInput.of("window", "must be a duration such as 30s, 5m or 1h, got '" + value + "'");
        }
        if (window.toSeconds() < 1 || window.compareTo(MAX_WINDOW) > 0) {
            throw InvalidInput.of("window", "must be from 1s to 24h, got " + value);
        }
        return window;
    }
}
