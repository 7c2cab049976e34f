package io.strangler.cdc.mapping;

/** Which way a change flows. */
public enum Direction {
    /** From the legacy database to the new services' databases. */
    LEGACY_TO_NEW,
    /** From the new services' databases back to the legacy database (keeps rollback possible). */
    NEW_TO_LEGACY;

    /** Lower-case tag value for metrics, e.g. {@code legacy_to_new}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
