package io.strangler.flags.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.flags.client.RouteMode;
import io.strangler.flags.client.RouteSnapshot;
import io.strangler.flags.client.RouteState;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SnapshotFileTest {

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldReadBackWhatItSavedAndLeaveNoTemporaryFileBehind() throws IOException {
        SnapshotFile file = new SnapshotFile(dir.resolve("state/routes.json"), json);
        RouteState catalog = new RouteState("catalog", RouteMode.CANARY, new BigDecimal("12.5"), 4, false,
                Instant.parse("2026-11-28T10:15:30.123Z"), "olivia");

        file.save(RouteSnapshot.of(List.of(catalog), Instant.now()));
        file.save(RouteSnapshot.of(List.of(catalog, state("orders")), Instant.now()));

        assertThat(file.load()).hasValueSatisfying(states -> assertThat(states).containsExactly(catalog, state("orders")));
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("routes.json");
        }
    }

    @Test
    void shouldLoadNothingWhenThereIsNoFile() {
        assertThat(new SnapshotFile(dir.resolve("missing.json"), json).load()).isEmpty();
    }

    @Test
    void shouldFailLoudlyOnACorruptFile() throws IOException {
        Path path = Files.writeString(dir.resolve("routes.json"), "[{\"routeId\":");

        assertThatThrownBy(() -> new SnapshotFile(path, json).load()).hasMessageContaining("Cannot read the saved route snapshot");
    }

    private static RouteState state(String id) {
        return new RouteState(id, RouteMode.LEGACY, BigDecimal.ZERO, 0, false, Instant.EPOCH, "system");
    }
}
