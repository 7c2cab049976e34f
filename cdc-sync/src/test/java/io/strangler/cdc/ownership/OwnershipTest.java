package io.strangler.cdc.ownership;

import static io.strangler.cdc.mapping.Direction.LEGACY_TO_NEW;
import static io.strangler.cdc.mapping.Direction.NEW_TO_LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipTest {

    @Test
    void legacyOwnedTablesFlowOnlyToTheNewSide() {
        assertThat(Ownership.LEGACY.allows(LEGACY_TO_NEW)).isTrue();
        assertThat(Ownership.LEGACY.allows(NEW_TO_LEGACY)).isFalse();
    }

    @Test
    void newOwnedTablesFlowOnlyBackToLegacy() {
        assertThat(Ownership.NEW.allows(NEW_TO_LEGACY)).isTrue();
        assertThat(Ownership.NEW.allows(LEGACY_TO_NEW)).isFalse();
    }

    @Test
    void sharedTablesFlowBothWays() {
        assertThat(Ownership.SHARED.allows(NEW_TO_LEGACY)).isTrue();
        assertThat(Ownership.SHARED.allows(LEGACY_TO_NEW)).isTrue();
    }
}
