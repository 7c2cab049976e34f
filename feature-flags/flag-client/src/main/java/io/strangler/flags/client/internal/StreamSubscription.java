package io.strangler.flags.client.internal;

import io.strangler.flags.client.SnapshotSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Keeps the event stream open: connects, applies events, and on any failure waits with exponential backoff and
 * reconnects, until closed. Runs on its own thread.
 */
public final class StreamSubscription implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);

    private final FlagServiceApi api;
    private final RouteStateHolder holder;
    private final Backoff backoff;
    private final Clock clock;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong connects = new AtomicLong();
    private volatile InputStream current;
    private volatile boolean connected;
    private volatile Instant lastContact;
    private boolean failureLogged;

    public StreamSubscription(FlagServiceApi api, RouteStateHolder holder, Backoff backoff, Clock clock) {
        this.api = api;
        this.holder = holder;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (closed.getCount() > 0) {
            try (InputStream in = api.openStream()) {
                current = in;
                connected = true;
                connects.incrementAndGet();
                backoff.reset();
                touch();
                if (failureLogged) {
                    log.info("Flag service event stream reconnected");
                    failureLogged = false;
                }
                read(in);
            } catch (IOException | RuntimeException e) {
                if (!failureLogged && closed.getCount() > 0) {
                    log.warn("Flag service event stream unavailable ({}); polling and reconnecting with backoff", e.toString());
                    failureLogged = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                connected = false;
                current = null;
            }
            if (!await(backoff.nextDelay())) {
                return;
            }
        }
    }

    private void read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        SseEventParser parser = new SseEventParser();
        String line;
        while (closed.getCount() > 0 && (line = reader.readLine()) != null) {
            parser.accept(line).ifPresent(this::handle);
        }
    }

    private void handle(SseEvent event) {
        touch();
        try {
            switch (event.name()) {
                case "snapshot" -> holder.replaceAll(api.parseStates(event.data()), SnapshotSource.SERVICE);
                case "route-changed" -> holder.apply(api.parseState(event.data()));
                default -> {
                    // heartbeat, or an event a newer service sends: contact is all it tells
                }
            }
        } catch (JacksonException e) {
            log.warn("Ignoring an unreadable '{}' event from the flag service: {}", event.name(), e.getOriginalMessage());
        }
    }

    /** Records that the service answered; also used by the poller. */
    public void touch() {
        lastContact = clock.instant();
    }

    public boolean connected() {
        return connected;
    }

    public Instant lastContact() {
        return lastContact;
    }

    public long connects() {
        return connects.get();
    }

    /** Drops the current connection if nothing (not even a heartbeat) arrived for this long; the loop reconnects. */
    public void dropIfSilentFor(Duration idleTimeout) {
        Instant last = lastContact;
        if (connected && last != null && Duration.between(last, clock.instant()).compareTo(idleTimeout) > 0) {
            log.warn("Flag service event stream silent for more than {}; reconnecting", idleTimeout);
            closeQuietly(current);
        }
    }

    /** Stops the loop and aborts the open connection. */
    public void close() {
        closed.countDown();
        closeQuietly(current);
    }

    private boolean await(Duration delay) {
        try {
            return !closed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            log.debug("Closing the event stream failed", e);
        }
    }
}
