package io.strangler.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class ShadowPermitTest {

    private final Semaphore permits = new Semaphore(1);

    @Test
    void shouldReturnThePermitOnceWhenReleasedTwice() throws InterruptedException {
        permits.acquire();
        ShadowPermit permit = new ShadowPermit(permits);

        permit.release();
        permit.release();

        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void shouldLeaveThePermitToTheCopiesOnceTheyStarted() throws InterruptedException {
        permits.acquire();
        ShadowPermit permit = new ShadowPermit(permits);

        assertThat(permit.start()).isTrue();
        permit.releaseIfNotStarted();

        assertThat(permits.availablePermits()).isZero();
        permit.release();
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void shouldReturnThePermitWhenThePrimaryEndedBeforeTheCopiesStarted() throws InterruptedException {
        permits.acquire();
        ShadowPermit permit = new ShadowPermit(permits);

        permit.releaseIfNotStarted();

        assertThat(permits.availablePermits()).isEqualTo(1);
        assertThat(permit.start()).isTrue(); // starting late changes nothing: the permit is already back
        permit.release();
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void shouldStartOnlyOnce() {
        ShadowPermit permit = new ShadowPermit(permits);

        assertThat(permit.start()).isTrue();
        assertThat(permit.start()).isFalse();
    }
}
