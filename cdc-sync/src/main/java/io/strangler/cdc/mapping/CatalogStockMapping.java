package io.strangler.cdc.mapping;

import static io.strangler.cdc.mapping.RowFields.requiredLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import tools.jackson.databind.JsonNode;

/**
 * Catalog {@code stock.on_hand} back to legacy {@code PRODUCTS.QTY_ON_HAND}. A stock row whose legacy product is not
 * there yet waits for it like a child for its parent (the product's change travels on its own topic, keyed
 * differently, so it may arrive later, or on another worker); deleting a stock row changes nothing (the product's own
 * delete removes the legacy row).
 */
public final class CatalogStockMapping extends RoutedTableMapping {

    public CatalogStockMapping(String source, String target) {
        super("products", Direction.NEW_TO_LEGACY, source, target, "public.stock", 30);
    }

    @Override
    public String key(SourceChange change) {
        return Long.toString(requiredLong(change.row(), "product_id"));
    }

    @Override
    public boolean upsert(Connection c, SourceChange change, boolean lastWriterWins) throws SQLException {
        JsonNode row = change.after();
        long productId = requiredLong(row, "product_id");
        // the quantity is not part of the product's last-writer-wins timestamp: stock changes always apply
        try (PreparedStatement ps = c.prepareStatement("UPDATE products SET qty_on_hand = ? WHERE prod_id = ?")) {
            ps.setLong(1, requiredLong(row, "on_hand"));
            ps.setLong(2, productId);
            if (ps.executeUpdate() == 0) {
                throw new MissingParentException("stock of product " + productId + " has no legacy PRODUCTS row yet");
            }
        }
        return true;
    }

    @Override
    public void delete(Connection c, SourceChange change) {
        // nothing: the quantity disappears with the legacy product row
    }
}
