package io.strangler.flags.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteState;
import io.strangler.flags.client.SnapshotSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteStateHolderTest {

    private final RouteStateHolder holder = new RouteStateHolder(null, Clock.systemUTC());
    private final List<String> fired = new ArrayList<>();

    {
        holder.addListener((previous, current) -> fired.add(current.routeId() + "@" + current.version()));
    }

    @Test
    void shouldIgnoreAPushedChangeThatIsNotNewerThanWhatItHolds() {
        holder.replaceAll(List.of(state("catalog", 3, RouteMode.SHADOW)), SnapshotSource.SERVICE);

        assertThat(holder.apply(state("catalog", 3, RouteMode.NEW))).isFalse();
        assertThat(holder.apply(state("catalog", 2, RouteMode.NEW))).isFalse();
        assertThat(holder.apply(state("catalog", 4, RouteMode.CANARY))).isTrue();

        assertThat(holder.snapshot().effectiveMode("catalog")).isEqualTo(RouteMode.CANARY);
        assertThat(fired).containsExactly("catalog@3", "catalog@4");
    }

    @Test
    void shouldTellListenersOnlyAboutRoutesThatChangedInAFullSnapshot() {
        holder.replaceAll(List.of(state("catalog", 1, RouteMode.SHADOW), state("orders", 1, RouteMode.LEGACY)), SnapshotSource.FILE);
        fired.clear();

        holder.replaceAll(List.of(state("catalog", 1, RouteMode.SHADOW), state("orders", 2, RouteMode.NEW)), SnapshotSource.SERVICE);

        assertThat(fired).containsExactly("orders@2");
        assertThat(holder.source()).isEqualTo(SnapshotSource.SERVICE);
    }

    @Test
    void shouldKeepNotifyingOtherListenersWhenOneFails() {
        holder.addListener((previous, current) -> {
            throw new IllegalStateException("broken listener");
        });
        List<String> second = new ArrayList<>();
        holder.addListener((previous, current) -> second.add(current.routeId()));

        holder.apply(state("orders", 1, RouteMode.NEW));

        assertThat(second).containsExactly("orders");
    }

    @Test
    void shouldTreatAnUnknownRouteAsLegacy() {
        assertThat(holder.snapshot().effectiveMode("nope")).isEqualTo(RouteMode.LEGACY);
    }

    private static RouteState state(String id, long version, RouteMode mode) {
        return new RouteState(id, mode, BigDecimal.TEN, version, false, Instant.EPOCH, "test");
    }
}
