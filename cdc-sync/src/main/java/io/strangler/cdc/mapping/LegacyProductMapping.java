package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.centsToAmount;
import static io.strangler.cdc.mapping.RowFields.flag;
import static io.strangler.cdc.mapping.RowFields.requiredInstant;
import static io.strangler.cdc.mapping.RowFields.requiredLong;
import static io.strangler.cdc.mapping.RowFields.requiredText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Legacy {@code PRODUCTS} to catalog {@code product} + {@code stock}: {@code PRICE_CENTS} becomes a decimal
 * {@code price}, {@code ACTIVE_FLG 'Y'/'N'} a boolean, {@code QTY_ON_HAND} the stock row's {@code on_hand},
 * {@code LAST_UPD} both rows' {@code updated_at}. Ids are kept.
 */
public final class LegacyProductMapping extends RoutedTableMapping {

    private static final String UPSERT_PRODUCT = """
            INSERT INTO product AS t (id, sku, name, description, category_id, price, active, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
                description = EXCLUDED.description, category_id = EXCLUDED.category_id, price = EXCLUDED.price,
                active = EXCLUDED.active, updated_at = EXCLUDED.updated_at, version = t.version + 1
            """;
    private static final String UPSERT_STOCK = """
            INSERT INTO stock AS t (product_id, on_hand, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
            """;
    private static final String NEWER_ONLY = " WHERE t.updated_at <= EXCLUDED.updated_at";

    public LegacyProductMapping(String source, String target) {
        super("products", Direction.LEGACY_TO_NEW, source, target, "public.products", 20);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "prod_id"));
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        return upsertAll(c, List.of(change), lastWriterWins)[0];
    }

    /** Two JDBC batches: the products, then the stock rows of the products that were written. */
    @Override
    public boolean[] upsertAll(Connection c, List<SourceChange> changes, boolean lastWriterWins)
            throws SQLException {
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(UPSERT_PRODUCT + (lastWriterWins ? NEWER_ONLY : ""))) {
            for (SourceChange change : changes) {
                JsonNode row = change.after();
                ps.setLong(1, requiredLong(row, "prod_id"));
                ps.setString(2, requiredText(row, "prod_sku"));
                ps.setString(3, requiredText(row, "prod_name"));
                ps.setString(4, requiredText(row, "prod_desc"));
                ps.setLong(5, requiredLong(row, "cat_id"));
                ps.setBigDecimal(6, centsToAmount(requiredLong(row, "price_cents")));
                ps.setBoolean(7, flag(row, "active_flg"));
                ps.setTimestamp(8, requiredInstant(row, "last_upd"));
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        boolean[] written = new boolean[changes.size()];
        try (PreparedStatement ps = c.prepareStatement(UPSERT_STOCK)) {
            for (int i = 0; i < written.length; i++) {
                written[i] = counts[i] > 0;
                if (written[i]) {
                    JsonNode row = changes.get(i).after();
                    ps.setLong(1, requiredLong(row, "prod_id"));
                    ps.setLong(2, requiredLong(row, "qty_on_hand"));
                    ps.setTimestamp(3, requiredInstant(row, "last_upd"));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        return written;
    }

    @Override
    public void delete(Connection c, SourceChange change) throws SQLException {
        deleteAll(c, List.of(change));
    }

    @Override
    public void deleteAll(Connection c, List<SourceChange> changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM product WHERE id = ?")) {
            for (SourceChange change : changes) {
                ps.setLong(1, requiredLong(change.before(), "prod_id"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
