package io.strangler.flags.service.stream;

import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.route.RouteChangedEvent;
import io.strangler.flags.service.route.RouteChanges;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes route changes to every subscriber. One thread sends everything (the snapshot on connect, each committed
 * change, heartbeats), so a subscriber sees its snapshot first and then every later change in commit order. Changes
 * come from this instance's transactions and, for those accepted by any instance, from {@link RouteChangeNotifications}.
 */
@Component
class RouteStream {

    private static final Logger log = LoggerFactory.getLogger(RouteStream.class);

    private final RouteChanges changes;
    private final StreamProperties properties;
    private final Clock clock;
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    /** Version of the last {@code route-changed} event per route; touched only by the sender thread. */
    private final Map<String, Long> sentVersions = new HashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "route-stream");
        thread.setDaemon(true);
        return thread;
    });

    RouteStream(RouteChanges changes, StreamProperties properties, Clock clock) {
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
        long heartbeat = properties.heartbeat().toMillis();
        sender.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        sender.execute(() -> {
            // read inside the sender: a change committed after this read is sent after this snapshot
            if (send(emitter, "snapshot", null, changes.all())) {
                subscribers.add(emitter);
            }
        });
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @TransactionalEventListener
    void on(RouteChangedEvent event) {
        publish(event.current());
    }

    /**
     * Sends a route's state to every subscriber unless a state of that route at this version or a newer one was sent
     * already: a change accepted here comes back through {@link RouteChangeNotifications}, and is sent once.
     */
    void publish(RouteState state) {
        if (sender.isShutdown()) {
            return;
        }
        sender.execute(() -> {
            Long sent = sentVersions.get(state.routeId());
            if (sent != null && sent >= state.version()) {
                return;
            }
            sentVersions.put(state.routeId(), state.version());
            subscribers.forEach(emitter -> send(emitter, "route-changed", state.routeId() + ":" + state.version(), state));
        });
    }

    @EventListener(ContextClosedEvent.class)
    void close() {
        // open streams would otherwise hold up the web server's graceful shutdown
        sender.shutdownNow();
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }

    private void heartbeat() {
        String now = clock.instant().toString();
        subscribers.forEach(emitter -> send(emitter, "heartbeat", null, now));
    }

    private boolean send(SseEmitter emitter, String name, String id, Object data) {
        try {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
            emitter.send(id == null ? event : event.id(id));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("Dropping a route stream subscriber: {}", e.toString());
            subscribers.remove(emitter);
            emitter.completeWithError(e);
            return false;
        }
    }
}
