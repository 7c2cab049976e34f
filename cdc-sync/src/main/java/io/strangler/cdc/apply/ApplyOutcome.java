package io.strangler.cdc.apply;

/** What became of one change event at the applier; a tag value of the {@code cdc.apply.changes} counter. */
public enum ApplyOutcome {
    /** Written to the target. */
    APPLIED,
    /** The target row already holds this change or a later one (replay, out of order). */
    STALE,
    /** SHARED table: the target row was changed more recently on its own side; it wins. */
    CONFLICT_LOST,
    /** The table's ownership does not run this direction. */
    SKIPPED_BY_OWNERSHIP,
    /** Could not be mapped or applied: sent to the dead-letter topic. */
    DEAD_LETTER
}
