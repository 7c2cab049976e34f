package io.strangler.cdc.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.cdc.CdcProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableOwnershipTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldTellListenersBeforeAndAfterAChangeWithTheOwnersOfEachMoment() {
        TableOwnership ownership = ownership();
        List<String> calls = new ArrayList<>();
        ownership.addListener(new OwnershipListener() {
            @Override
            public void beforeChange(Map<String, Ownership> current, Map<String, Ownership> next) {
                calls.add("before " + current.get("products") + " -> " + next.get("products")
                        + ", applied: " + ownership.owner("products").orElseThrow());
            }

            @Override
            public void afterChange(Map<String, Ownership> owners) {
                calls.add("after " + owners.get("products"));
            }
        });

        ownership.change("products", Ownership.SHARED);

        assertThat(calls).containsExactly("before LEGACY -> SHARED, applied: LEGACY", "after SHARED");
    }

    @Test
    void shouldKeepTheOwnerAndItsFileWhenAListenerRefusesTheChange() {
        TableOwnership ownership = ownership();
        ownership.addListener(new OwnershipListener() {
            @Override
            public void beforeChange(Map<String, Ownership> current, Map<String, Ownership> next) {
                throw new IllegalStateException("capture not ready");
            }

            @Override
            public void afterChange(Map<String, Ownership> owners) {
                throw new AssertionError("no change happened");
            }
        });

        assertThatThrownBy(() -> ownership.change("products", Ownership.NEW)).hasMessage("capture not ready");

        assertThat(ownership.owner("products")).contains(Ownership.LEGACY);
        assertThat(Files.exists(dataDir.resolve("ownership.properties"))).isFalse();
        assertThat(ownership().owner("products")).contains(Ownership.LEGACY);
    }

    private TableOwnership ownership() {
        return new TableOwnership(new CdcProperties(dataDir, "localhost:9092", Map.of(), "dlq", "group",
                Map.of("products", Ownership.LEGACY), new CdcProperties.Api("u", "p")));
    }
}
