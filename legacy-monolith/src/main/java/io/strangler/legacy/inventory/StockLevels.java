package io.strangler.legacy.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock on hand. The legacy shop has no inventory table: stock is the {@code QTY_ON_HAND} column of the catalog's
 * {@code PRODUCTS} row, and this class writes it directly (one of the couplings an extraction has to cut).
 */
@Repository
public class StockLevels {

    private final JdbcClient jdbc;

    StockLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code quantity} units of an active product if that many are on hand; false otherwise. The check and the
     * decrement are one guarded UPDATE, so concurrent orders can never take more than there is.
     */
    public boolean take(long productId, int quantity) {
        return jdbc.sql("UPDATE PRODUCTS SET QTY_ON_HAND = QTY_ON_HAND - ?, LAST_UPD = CURRENT_TIMESTAMP "
                        + "WHERE PROD_ID = ? AND ACTIVE_FLG = 'Y' AND QTY_ON_HAND >= ?")
                .params(quantity, productId, quantity)
                .update() == 1;
    }

    /** Units on hand now (0 for an unknown product). */
    public int onHand(long productId) {
        return jdbc.sql("SELECT QTY_ON_HAND FROM PRODUCTS WHERE PROD_ID = ?")
                .param(productId).query(Integer.class).optional().orElse(0);
    }
}
