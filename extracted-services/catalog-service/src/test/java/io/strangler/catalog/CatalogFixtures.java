package io.strangler.catalog;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data written straight into the catalog's tables, and a fingerprint of them to prove "nothing changed". */
public final class CatalogFixtures {

    private static final String[] TABLES = {"category", "product", "stock", "stock_reservation",
            "stock_reservation_line"};

    private final JdbcClient jdbc;

    public CatalogFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteEverything() {
        jdbc.sql("TRUNCATE stock_reservation_line, stock_reservation, stock, product, category").update();
    }

    public void category(long id, String name, Long parentId) {
        jdbc.sql("""
                INSERT INTO category (id, name, parent_id) VALUES (:id, :name, :parentId)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id
                """)
                .param("id", id).param("name", name).param("parentId", parentId).update();
    }

    /** Upserts a product and its stock (price in euros, as the catalog stores it). */
    public void product(long id, String sku, String name, String description, long categoryId, String price,
                        int stock, boolean active) {
        jdbc.sql("DELETE FROM product WHERE sku = :sku AND id <> :id").param("sku", sku).param("id", id).update();
        jdbc.sql("""
                INSERT INTO product (id, sku, name, description, category_id, price, active, updated_at)
                VALUES (:id, :sku, :name, :description, :categoryId, :price, :active, now())
                ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
                    description = EXCLUDED.description, category_id = EXCLUDED.category_id, price = EXCLUDED.price,
                    active = EXCLUDED.active, updated_at = now(), version = product.version + 1
                """)
                .param("id", id).param("sku", sku).param("name", name).param("description", description)
                .param("categoryId", categoryId).param("price", new BigDecimal(price)).param("active", active)
                .update();
        jdbc.sql("""
                INSERT INTO stock (product_id, on_hand, reserved, updated_at) VALUES (:id, :stock, 0, now())
                ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = 0, updated_at = now()
                """)
                .param("id", id).param("stock", stock).update();
    }

    public void product(long id, long categoryId, String price, int stock) {
        product(id, String.format("SKU-%06d", id), "Product " + id, "", categoryId, price, stock, true);
    }

    public int onHand(long productId) {
        return jdbc.sql("SELECT on_hand FROM stock WHERE product_id = ?").param(productId).query(Integer.class)
                .single();
    }

    public int reserved(long productId) {
        return jdbc.sql("SELECT reserved FROM stock WHERE product_id = ?").param(productId).query(Integer.class)
                .single();
    }

    /**
     * A fingerprint of every row of every catalog table: equal means nothing changed. (Sequences are left out: a
     * refused insert may use up an id, as in any PostgreSQL application; no row changes.)
     */
    public String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append('=').append(jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY "
                    + "t::text), '')) FROM " + table + " t").query(String.class).single()).append(';');
        }
        return all.toString();
    }
}
