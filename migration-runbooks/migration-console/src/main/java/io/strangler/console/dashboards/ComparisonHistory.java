package io.strangler.console.dashboards;

import io.strangler.console.peers.GatewayManagement;
import io.strangler.console.peers.PeerException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards' time series, kept server-side so that every browser sees the same history from the moment it opens
 * the console: polls the gateway's comparison of every route each interval, keeps a bounded number of points per
 * route (oldest dropped first). Nothing is persisted; a restarted console starts an empty history.
 */
@Component
class ComparisonHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ComparisonHistory.class);

    private final GatewayManagement gateway;
    private final DashboardProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<HistoryPoint>> points = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> polling;
    private volatile String lastError;

    ComparisonHistory(GatewayManagement gateway, DashboardProperties properties, TaskScheduler scheduler) {
        this.gateway = gateway;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /** Polls every route once; called by the scheduler. */
    void poll() {
        try {
            for (JsonNode route : gateway.routes().path("routes")) {
                String id = route.path("id").asString();
                JsonNode comparison = gateway.comparison(id, properties.pollInterval(), 0);
                add(id, HistoryPoint.of(clock.instant(), comparison, properties.pollInterval().toMillis() / 1000.0));
            }
            lastError = null;
        } catch (PeerException unavailable) {
            // a gap in the series shows the outage; the panel says why
            if (!unavailable.getMessage().equals(lastError)) {
                log.warn("Dashboard history not updated: {}", unavailable.getMessage());
            }
            lastError = unavailable.getMessage();
        }
    }

    private void add(String routeId, HistoryPoint point) {
        Deque<HistoryPoint> series = points.computeIfAbsent(routeId, id -> new ArrayDeque<>());
        synchronized (series) {
            series.addLast(point);
            while (series.size() > properties.historyPoints()) {
                series.removeFirst();
            }
        }
    }

    /** The route's points, oldest first; empty when none was polled yet. */
    List<HistoryPoint> of(String routeId) {
        Deque<HistoryPoint> series = points.get(routeId);
        if (series == null) {
            return List.of();
        }
        synchronized (series) {
            return List.copyOf(series);
        }
    }

    /** Why the last poll failed, or null. */
    String lastError() {
        return lastError;
    }

    @Override
    public void start() {
        polling = scheduler.scheduleWithFixedDelay(this::poll, properties.pollInterval());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = polling;
        if (running != null) {
            running.cancel(false);
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
