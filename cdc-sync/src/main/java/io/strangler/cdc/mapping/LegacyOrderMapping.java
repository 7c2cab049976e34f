package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.centsToAmount;
import static io.strangler.cdc.mapping.RowFields.optionalLong;
import static io.strangler.cdc.mapping.RowFields.requiredInstant;
import static io.strangler.cdc.mapping.RowFields.requiredLong;
import static io.strangler.cdc.mapping.RowFields.requiredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import tools.jackson.databind.JsonNode;

/**
 * Legacy {@code ORDERS} to orders-service {@code customer_order}: four-letter status codes to words,
 * {@code TOTAL_CENTS} to a decimal {@code total} in EUR, {@code PLACED_DT}/{@code LAST_UPD} to
 * {@code placed_at}/{@code updated_at}. Ids are kept.
 */
public final class LegacyOrderMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO customer_order AS t (id, customer_id, status, total, currency, payment_id, placed_at, updated_at)
            VALUES (?, ?, ?, ?, 'EUR', ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status,
                total = EXCLUDED.total, payment_id = EXCLUDED.payment_id, placed_at = EXCLUDED.placed_at,
                updated_at = EXCLUDED.updated_at, version = t.version + 1
            """;

    public LegacyOrderMapping(String source, String target) {
        super("orders", Direction.LEGACY_TO_NEW, source, target, "public.orders", 40);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "ord_id"));
    }

    /** Legacy status code to the orders-service status. */
    static String status(String code) {
        return switch (code) {
            case "PEND" -> "PENDING";
            case "CONF" -> "CONFIRMED";
            case "FAIL" -> "FAILED";
            case "CANC" -> "CANCELLED";
            default -> throw new UnmappableChangeException("ord_status must be PEND, CONF, FAIL or CANC, was '"
                    + code + "'");
        };
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(
                UPSERT + (lastWriterWins ? " WHERE t.updated_at <= EXCLUDED.updated_at" : ""))) {
            ps.setLong(1, requiredLong(row, "ord_id"));
            ps.setLong(2, requiredLong(row, "cust_id"));
            ps.setString(3, status(requiredText(row, "ord_status")));
            ps.setBigDecimal(4, centsToAmount(requiredLong(row, "total_cents")));
            Long payment = optionalLong(row, "pay_id");
            if (payment == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, payment);
            }
            ps.setTimestamp(6, requiredInstant(row, "placed_dt"));
            ps.setTimestamp(7, requiredInstant(row, "last_upd"));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM customer_order WHERE id = ?")) {
            ps.setLong(1, requiredLong(change.before(), "ord_id"));
            ps.executeUpdate();
        }
    }
}
