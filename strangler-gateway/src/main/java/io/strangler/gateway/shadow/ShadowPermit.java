package io.strangler.gateway.shadow;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted shadow copy: the request was sampled, fit under the route's rate ceiling and got one of the route's
 * concurrency permits. Admission happens before the gateway tees legacy's response, so a dropped copy costs the
 * primary path nothing but the admission check. The permit goes back exactly once: when the copies end, or when
 * the primary exchange ends without having started them.
 */
final class ShadowPermit {

    private final Semaphore permits;
    private final AtomicBoolean returned = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    ShadowPermit(Semaphore permits) {
        this.permits = permits;
    }

    /** Marks the copies as started; from now on they own the permit. @return false if already started */
    boolean start() {
        return started.compareAndSet(false, true);
    }

    /** Gives the permit back once; later calls do nothing. */
    void release() {
        if (returned.compareAndSet(false, true)) {
            permits.release();
        }
    }

    /** Gives the permit back if the copies never started (the primary exchange ended first or failed). */
    void releaseIfNotStarted() {
        if (!started.get()) {
            release();
        }
    }
}
