package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.centsToAmount;
import static io.strangler.cdc.mapping.RowFields.requiredLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import tools.jackson.databind.JsonNode;

/**
 * Legacy {@code ORDER_LINES} to orders-service {@code order_line}, keyed there by (order, line number):
 * {@code UNIT_PRICE_CENTS} to a decimal {@code unit_price}; the legacy line has no SKU ({@code sku} stays null).
 * A delete needs the order id and line number in the before image ({@code REPLICA IDENTITY FULL} on
 * {@code ORDER_LINES}); with the default identity (key only) it goes to the dead-letter topic.
 */
public final class LegacyOrderLineMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (order_id, line_no) DO UPDATE SET product_id = EXCLUDED.product_id,
                quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price
            """;

    public LegacyOrderLineMapping(String source, String target) {
        super("orders", Direction.LEGACY_TO_NEW, source, target, "public.order_lines", 50);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "line_id"));
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        // legacy lines carry no update timestamp: they are written once with their order
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setLong(1, requiredLong(row, "ord_id"));
            ps.setLong(2, requiredLong(row, "line_no"));
            ps.setLong(3, requiredLong(row, "prod_id"));
            ps.setLong(4, requiredLong(row, "qty"));
            ps.setBigDecimal(5, centsToAmount(requiredLong(row, "unit_price_cents")));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        JsonNode before = change.before();
        if (!before.has("ord_id") || !before.has("line_no")) {
            throw new UnmappableChangeException("delete of ORDER_LINES " + before.path("line_id")
                    + " carries only the key: set REPLICA IDENTITY FULL on ORDER_LINES to sync line deletes");
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_line WHERE order_id = ? AND line_no = ?")) {
            ps.setLong(1, requiredLong(before, "ord_id"));
            ps.setLong(2, requiredLong(before, "line_no"));
            ps.executeUpdate();
        }
    }
}
