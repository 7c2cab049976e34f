package io.strangler.flags.client.internal;

import io.strangler.flags.client.RouteModeListener;
import io.strangler.flags.client.RouteSnapshot;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.client.SnapshotSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current snapshot, applies updates in order and tells the listeners. Updates are serialized; reads are
 * lock-free (the snapshot is immutable and published through a volatile field).
 */
public final class RouteStateHolder {

    private static final Logger log = LoggerFactory.getLogger(RouteStateHolder.class);

    private final List<RouteModeListener> listeners = new CopyOnWriteArrayList<>();
    private final SnapshotFile file;
    private final Clock clock;
    private volatile RouteSnapshot snapshot = RouteSnapshot.empty();
    private volatile SnapshotSource source = SnapshotSource.NONE;

    /** @param file where to save each applied snapshot; null to keep nothing on disk */
    public RouteStateHolder(SnapshotFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public RouteSnapshot snapshot() {
        return snapshot;
    }

    public SnapshotSource source() {
        return source;
    }

    public void addListener(RouteModeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(RouteModeListener listener) {
        listeners.remove(listener);
    }

    /**
     * Replaces everything with a full list from the service (or the file). A full list is authoritative: a route whose
     * version went down (the service's database was reset) is taken as it is, and routes missing from it are dropped.
     */
    public synchronized void replaceAll(List<RouteState> states, SnapshotSource from) {
        RouteSnapshot before = snapshot;
        RouteSnapshot after = RouteSnapshot.of(states, clock.instant());
        List<RouteState[]> changes = new ArrayList<>();
        for (RouteState state : after.routes().values()) {
            RouteState previous = before.routes().get(state.routeId());
            if (!state.equals(previous)) {
                changes.add(new RouteState[] {previous, state});
            }
        }
        boolean changed = !changes.isEmpty() || !before.routes().keySet().equals(after.routes().keySet());
        snapshot = changed ? after : before;
        SnapshotSource previousSource = source;
        source = from;
        changes.forEach(change -> fire(change[0], change[1]));
        if (from == SnapshotSource.SERVICE && (changed || previousSource != SnapshotSource.SERVICE)) {
            save();
        }
    }

    /** Applies one pushed change, unless the client already holds that version or a newer one. */
    public synchronized boolean apply(RouteState state) {
        RouteState previous = snapshot.routes().get(state.routeId());
        if (previous != null && previous.version() >= state.version()) {
            return false;
        }
        snapshot = snapshot.with(state, clock.instant());
        source = SnapshotSource.SERVICE;
        fire(previous, state);
        save();
        return true;
    }

    private void fire(RouteState previous, RouteState current) {
        for (RouteModeListener listener : listeners) {
            try {
                listener.routeChanged(previous, current);
            } catch (RuntimeException e) {
                log.error("Route listener {} failed on the change of route {}", listener, current.routeId(), e);
            }
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            file.save(snapshot);
        } catch (RuntimeException e) {
            // routing goes on from memory; only the fail-static copy is out of date
            log.warn("Could not save the route snapshot: {}", e.getMessage());
        }
    }
}
