package io.strangler.demo.launch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop that the launcher's main thread acts on.
 *
 * <p>The JVM's default reaction to these signals is to run shutdown hooks and exit with 130/143; handling them
 * ourselves lets the launcher stop services, Kafka and PostgreSQL in order and exit 0 after a requested stop.
 */
final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Installs the handlers for SIGINT and SIGTERM. */
    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.request("SIG" + signal.getName()));
            } catch (IllegalArgumentException e) {
                // the JVM reserves the signal (-Xrs): its default handling, shutdown hooks, still stops everything
            }
        }
        return stop;
    }

    /** Asks the launcher to stop; the first reason wins. */
    void request(String why) {
        reason.compareAndSet(null, why);
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Why a stop was requested, or null. */
    String reason() {
        return reason.get();
    }

    /** Waits up to {@code timeout} for a stop request; true if one came. */
    boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
