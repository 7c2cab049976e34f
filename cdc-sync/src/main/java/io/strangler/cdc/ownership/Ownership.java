package io.strangler.cdc.ownership;

import io.strangler.cdc.mapping.Direction;

/** Which side owns a table, and so which directions of the sync run for it. */
public enum Ownership {
    /** The legacy side owns the table: legacy -> new only. */
    LEGACY,
    /**
     * Both sides write: both directions run. Conflict rule: last writer wins by the row's own update timestamp
     * ({@code LAST_UPD} / {@code updated_at}); an incoming change older than the target row is dropped.
     */
    SHARED,
    /** The new side owns the table: new -> legacy only. */
    NEW;

    /** Whether changes flowing in {@code direction} are applied under this ownership. */
    public boolean allows(Direction direction) {
        return switch (this) {
            case LEGACY -> direction == Direction.LEGACY_TO_NEW;
            case NEW -> direction == Direction.NEW_TO_LEGACY;
            case SHARED -> true;
        };
    }
}
