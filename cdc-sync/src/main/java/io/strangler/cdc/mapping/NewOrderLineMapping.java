package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.amountToCents;
import static io.strangler.cdc.mapping.RowFields.requiredDecimal;
import static io.strangler.cdc.mapping.RowFields.requiredLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import tools.jackson.databind.JsonNode;

/**
 * Orders-service {@code order_line} back to legacy {@code ORDER_LINES}, matched by (order, line number): a line new to
 * legacy gets its {@code LINE_ID} from legacy's own {@code ORDER_LINES_SEQ}; {@code unit_price} to
 * {@code UNIT_PRICE_CENTS} (a line without a price cannot be written). The {@code sku} stays on the new side.
 * Deletes need only the key ({@code order_line}'s primary key is (order, line number)).
 */
public final class NewOrderLineMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO order_lines (line_id, ord_id, line_no, prod_id, qty, unit_price_cents)
            VALUES (nextval('order_lines_seq'), ?, ?, ?, ?, ?)
            ON CONFLICT (ord_id, line_no) DO UPDATE SET prod_id = EXCLUDED.prod_id, qty = EXCLUDED.qty,
                unit_price_cents = EXCLUDED.unit_price_cents
            """;

    public NewOrderLineMapping(String source, String target) {
        super("orders", Direction.NEW_TO_LEGACY, source, target, "public.order_line", 50);
    }

    @Override
    public String key(SourceChange change) {
        JsonNode row = change.row();
        return requiredLong(row, "order_id") + "/" + requiredLong(row, "line_no");
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        // lines carry no update timestamp on either side: they are written with their order
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setLong(1, requiredLong(row, "order_id"));
            ps.setLong(2, requiredLong(row, "line_no"));
            ps.setLong(3, requiredLong(row, "product_id"));
            ps.setLong(4, requiredLong(row, "quantity"));
            ps.setLong(5, amountToCents(requiredDecimal(row, "unit_price"), "unit_price"));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        JsonNode before = change.before();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_lines WHERE ord_id = ? AND line_no = ?")) {
            ps.setLong(1, requiredLong(before, "order_id"));
            ps.setLong(2, requiredLong(before, "line_no"));
            ps.executeUpdate();
        }
    }
}
