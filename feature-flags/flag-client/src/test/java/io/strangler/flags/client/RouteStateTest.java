package io.strangler.flags.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RouteStateTest {

    @Test
    void shouldRouteToLegacyWhileTheKillSwitchIsEngagedWhateverTheMode() {
        RouteState killed = new RouteState("orders", RouteMode.NEW, BigDecimal.ZERO, 5, true, Instant.EPOCH, "olivia");

        assertThat(killed.effectiveMode()).isEqualTo(RouteMode.LEGACY);
    }

    @Test
    void shouldExpressAPercentWithTwoDecimalsAsCanaryBuckets() {
        assertThat(canary("0.01").percentBuckets()).isEqualTo(1);
        assertThat(canary("12.5").percentBuckets()).isEqualTo(1250);
        assertThat(canary("100").percentBuckets()).isEqualTo(RouteState.BUCKETS);
    }

    private static RouteState canary(String percent) {
        return new RouteState("catalog", RouteMode.CANARY, new BigDecimal(percent), 1, false, Instant.EPOCH, "olivia");
    }
}
