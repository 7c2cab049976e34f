package io.strangler.flags.service.stream;

import io.strangler.flags.service.route.RouteChanges;
import io.strangler.flags.service.route.UnknownRouteException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings changes accepted by any service instance to this instance's subscribers: one dedicated connection (outside
 * the pool) {@code LISTEN}s on {@value RouteChanges#CHANNEL}; for each notification it reloads that route's committed
 * state and hands it to {@link RouteStream}, which drops versions already sent. The connection is reopened with
 * exponential backoff when lost; after each (re)connect every route is reloaded, so a change notified while this
 * instance was not listening is still pushed.
 */
@Component
class RouteChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouteChangeNotifications.class);
    private static final int POLL_MILLIS = 1_000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final JdbcConnectionDetails database;
    private final RouteChanges changes;
    private final RouteStream stream;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    RouteChangeNotifications(JdbcConnectionDetails database, RouteChanges changes, RouteStream stream) {
        this.database = database;
        this.changes = changes;
        this.stream = stream;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "route-change-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            closeQuietly(connection);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection listening = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                    database.getPassword())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + RouteChanges.CHANNEL);
                }
                backoff = FIRST_BACKOFF;
                changes.all().forEach(stream::publish);
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            publish(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Not listening for route changes of other instances ({}); retrying in {} ms", e.toString(),
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void publish(String routeId) {
        try {
            stream.publish(changes.current(routeId));
        } catch (UnknownRouteException e) {
            log.debug("Ignoring a change of route '{}', not declared on this instance", routeId);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                log.debug("Closing the listening connection: {}", e.toString());
            }
        }
    }
}
