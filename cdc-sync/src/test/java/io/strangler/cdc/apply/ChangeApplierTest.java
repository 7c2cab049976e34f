package io.strangler.cdc.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeApplierTest {

    @Test
    void namesEachWorkersMarkerRowAfterItsApplierWorkerAndProcess() {
        assertThat(ChangeApplier.markerWriter("legacy_to_new-catalog", 1, ""))
                .isEqualTo("cdc-sync-legacy_to_new-catalog-1");
        assertThat(ChangeApplier.markerWriter("legacy_to_new-catalog", 0, "cdc-sync-2"))
                .isEqualTo("cdc-sync-legacy_to_new-catalog-0@cdc-sync-2");
    }

    @Test
    void cutsAMarkerWriterToTheColumnsHundredCharacters() {
        String writer = ChangeApplier.markerWriter("new_to_legacy-legacy", 3, "x".repeat(120));
        assertThat(writer).hasSize(100).startsWith("cdc-sync-new_to_legacy-legacy-3@xxx");
    }
}
