package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.amountToCents;
import static io.strangler.cdc.mapping.RowFields.optionalLong;
import static io.strangler.cdc.mapping.RowFields.requiredDecimal;
import static io.strangler.cdc.mapping.RowFields.requiredInstant;
import static io.strangler.cdc.mapping.RowFields.requiredLong;
import static io.strangler.cdc.mapping.RowFields.requiredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import tools.jackson.databind.JsonNode;

/**
 * Orders-service {@code customer_order} back to legacy {@code ORDERS}: status words to the four-letter codes, the
 * decimal {@code total} to {@code TOTAL_CENTS} (an order without a total cannot be written: legacy requires one),
 * {@code placed_at}/{@code updated_at} to {@code PLACED_DT}/{@code LAST_UPD}. Ids are kept. The legacy row refers to
 * its customer (which must exist in legacy {@code CUSTOMERS}, where customers still live) and to a payment only if
 * legacy {@code PAYMENTS} holds it: payments taken by the new side's payment service are not legacy rows, and the
 * order keeps no payment reference then.
 */
public final class NewOrderMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO orders AS t (ord_id, cust_id, ord_status, total_cents, pay_id, placed_dt, last_upd)
            VALUES (?, ?, ?, ?, (SELECT pay_id FROM payments WHERE pay_id = ?), ?, ?)
            ON CONFLICT (ord_id) DO UPDATE SET cust_id = EXCLUDED.cust_id, ord_status = EXCLUDED.ord_status,
                total_cents = EXCLUDED.total_cents, pay_id = EXCLUDED.pay_id, placed_dt = EXCLUDED.placed_dt,
                last_upd = EXCLUDED.last_upd
            """;

    public NewOrderMapping(String source, String target) {
        super("orders", Direction.NEW_TO_LEGACY, source, target, "public.customer_order", 40);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "id"));
    }

    /** Orders-service status to the legacy status code. */
    static String statusCode(String status) {
        return switch (status) {
            case "PENDING" -> "PEND";
            case "CONFIRMED" -> "CONF";
            case "FAILED" -> "FAIL";
            case "CANCELLED" -> "CANC";
            default -> throw new UnmappableChangeException("status must be PENDING, CONFIRMED, FAILED or CANCELLED, "
                    + "was '" + status + "'");
        };
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(
                UPSERT + (lastWriterWins ? " WHERE t.last_upd <= EXCLUDED.last_upd" : ""))) {
            ps.setLong(1, requiredLong(row, "id"));
            ps.setLong(2, requiredLong(row, "customer_id"));
            ps.setString(3, statusCode(requiredText(row, "status")));
            ps.setLong(4, amountToCents(requiredDecimal(row, "total"), "total"));
            Long payment = optionalLong(row, "payment_id");
            if (payment == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, payment);
            }
            ps.setTimestamp(6, requiredInstant(row, "placed_at"));
            ps.setTimestamp(7, requiredInstant(row, "updated_at"));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM orders WHERE ord_id = ?")) {
            ps.setLong(1, requiredLong(change.before(), "id"));
            ps.executeUpdate();
        }
    }
}
