package io.strangler.contracts.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the contract writes them: ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-28T10:15:30.120Z}). JSON bodies get this format for every {@link Instant} through the strict JSON
 * configuration; use {@link #format} where a timestamp is written as a string by hand.
 */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The contract's text for this instant; never null for a non-null instant. */
    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The instant at millisecond precision, what a database keeps, so what is written reads back unchanged. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
