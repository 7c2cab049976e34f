package io.strangler.cdc.mapping;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Strict reads of columns from a Debezium row image: a missing or mistyped column is an unmappable change. */
public final class RowFields {

    private RowFields() {
    }

    public static long requiredLong(JsonNode row, String column) {
        JsonNode v = row.path(column);
        if (!v.isIntegralNumber()) {
            throw new UnmappableChangeException("column " + column + " must be an integer, was " + v);
        }
        return v.longValue();
    }

    public static Long optionalLong(JsonNode row, String column) {
        JsonNode v = row.path(column);
        return v.isNull() || v.isMissingNode() ? null : requiredLong(row, column);
    }

    public static String requiredText(JsonNode row, String column) {
        JsonNode v = row.path(column);
        if (!v.isString()) {
            throw new UnmappableChangeException("column " + column + " must be text, was " + v);
        }
        return v.stringValue();
    }

    public static boolean requiredBoolean(JsonNode row, String column) {
        JsonNode v = row.path(column);
        if (!v.isBoolean()) {
            throw new UnmappableChangeException("column " + column + " must be a boolean, was " + v);
        }
        return v.booleanValue();
    }

    /** A NUMERIC column, which the capture emits as a decimal string ({@code decimal.handling.mode=string}). */
    public static BigDecimal requiredDecimal(JsonNode row, String column) {
        String text = requiredText(row, column);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UnmappableChangeException("column " + column + " must be a decimal, was '" + text + "'", e);
        }
    }

    /** A TIMESTAMPTZ column, emitted as an ISO-8601 instant. */
    public static Timestamp requiredInstant(JsonNode row, String column) {
        String text = requiredText(row, column);
        try {
            return Timestamp.from(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new UnmappableChangeException("column " + column + " must be an ISO-8601 instant, was '" + text + "'",
                    e);
        }
    }

    /**
     * A TIMESTAMPTZ column as the text Debezium emits, for a statement that casts it in PostgreSQL: checked to be an
     * ISO-8601 instant in UTC ({@code 2026-12-04T18:29:16.123456Z}) by its shape, without building a Java date (a
     * {@code java.time} parse per row cost a fifth of the applier's time). PostgreSQL rejects impossible dates.
     */
    public static String requiredInstantText(JsonNode row, String column) {
        String text = requiredText(row, column);
        if (!ISO_INSTANT_SHAPE.matcher(text).matches()) {
            throw new UnmappableChangeException("column " + column + " must be an ISO-8601 instant in UTC, was '"
                    + text + "'");
        }
        return text;
    }

    private static final Pattern ISO_INSTANT_SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    /** Legacy money: integer cents to a decimal amount with two places. */
    public static BigDecimal centsToAmount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** A decimal amount to integer cents; an amount with fractions of a cent is unmappable. */
    public static long amountToCents(BigDecimal amount, String column) {
        try {
            return amount.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new UnmappableChangeException("column " + column + " has fractions of a cent: " + amount, e);
        }
    }

    /** Legacy flag 'Y'/'N' to a boolean; anything else is unmappable. */
    public static boolean flag(JsonNode row, String column) {
        String text = requiredText(row, column);
        return switch (text) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new UnmappableChangeException("column " + column + " must be 'Y' or 'N', was '" + text + "'");
        };
    }

    public static String flag(boolean value) {
        return value ? "Y" : "N";
    }
}
