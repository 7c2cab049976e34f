package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.amountToCents;
import static io.strangler.cdc.mapping.RowFields.flag;
import static io.strangler.cdc.mapping.RowFields.requiredBoolean;
import static io.strangler.cdc.mapping.RowFields.requiredDecimal;
import static io.strangler.cdc.mapping.RowFields.requiredInstant;
import static io.strangler.cdc.mapping.RowFields.requiredLong;
import static io.strangler.cdc.mapping.RowFields.requiredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import tools.jackson.databind.JsonNode;

/**
 * Catalog {@code product} back to legacy {@code PRODUCTS}: decimal price to cents, boolean to 'Y'/'N'. The quantity
 * lives in catalog {@code stock} ({@link CatalogStockMapping}); a product new to the legacy side starts at 0 until
 * its stock row follows.
 */
public final class CatalogProductMapping extends RoutedTableMapping {

    private static final String UPSERT = """
            INSERT INTO products AS t (prod_id, prod_sku, prod_name, prod_desc, cat_id, price_cents, qty_on_hand,
                active_flg, last_upd)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
            ON CONFLICT (prod_id) DO UPDATE SET prod_sku = EXCLUDED.prod_sku, prod_name = EXCLUDED.prod_name,
                prod_desc = EXCLUDED.prod_desc, cat_id = EXCLUDED.cat_id, price_cents = EXCLUDED.price_cents,
                active_flg = EXCLUDED.active_flg, last_upd = EXCLUDED.last_upd
            """;

    public CatalogProductMapping(String source, String target) {
        super("products", Direction.NEW_TO_LEGACY, source, target, "public.product", 20);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "id"));
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        JsonNode row = change.after();
        try (PreparedStatement ps = c.prepareStatement(
                UPSERT + (lastWriterWins ? " WHERE t.last_upd <= EXCLUDED.last_upd" : ""))) {
            ps.setLong(1, requiredLong(row, "id"));
            ps.setString(2, requiredText(row, "sku"));
            ps.setString(3, requiredText(row, "name"));
            ps.setString(4, requiredText(row, "description"));
            ps.setLong(5, requiredLong(row, "category_id"));
            ps.setLong(6, amountToCents(requiredDecimal(row, "price"), "price"));
            ps.setString(7, flag(requiredBoolean(row, "active")));
            ps.setTimestamp(8, requiredInstant(row, "updated_at"));
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM products WHERE prod_id = ?")) {
            ps.setLong(1, requiredLong(change.before(), "id"));
            ps.executeUpdate();
        }
    }
}
