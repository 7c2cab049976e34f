package io.strangler.legacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data written straight into the legacy tables, and a snapshot of all of them to prove "nothing changed". */
public final class ShopFixtures {

    private static final List<String> TABLES = List.of("CATEGORIES", "PRODUCTS", "CUSTOMERS", "PAYMENTS", "ORDERS",
            "ORDER_LINES", "IDEMPOTENCY_KEYS");

    private final JdbcClient jdbc;

    public ShopFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table (sequences keep counting, as in production). */
    public ShopFixtures clean() {
        jdbc.sql("TRUNCATE IDEMPOTENCY_KEYS, ORDER_LINES, ORDERS, PAYMENTS, PRODUCTS, CATEGORIES, CUSTOMERS").update();
        return this;
    }

    public long category(String name) {
        long id = next("CATEGORIES_SEQ");
        jdbc.sql("INSERT INTO CATEGORIES (CAT_ID, CAT_NAME) VALUES (?, ?)").params(id, name).update();
        return id;
    }

    public long product(long categoryId, String sku, String name, long priceCents, int stock) {
        return product(categoryId, sku, name, priceCents, stock, true);
    }

    public long product(long categoryId, String sku, String name, long priceCents, int stock, boolean active) {
        long id = next("PRODUCTS_SEQ");
        jdbc.sql("INSERT INTO PRODUCTS (PROD_ID, PROD_SKU, PROD_NAME, PROD_DESC, CAT_ID, PRICE_CENTS, QTY_ON_HAND, "
                        + "ACTIVE_FLG) VALUES (?, ?, ?, 'A fine thing', ?, ?, ?, ?)")
                .params(id, sku, name, categoryId, priceCents, stock, active ? "Y" : "N").update();
        return id;
    }

    public long customer(String email, long creditLimitCents) {
        long id = next("CUSTOMERS_SEQ");
        jdbc.sql("INSERT INTO CUSTOMERS (CUST_ID, EMAIL_ADDR, FULL_NAME, CREDIT_LIMIT_CENTS) VALUES (?, ?, ?, ?)")
                .params(id, email, "Customer " + id, creditLimitCents).update();
        return id;
    }

    public int stock(long productId) {
        return jdbc.sql("SELECT QTY_ON_HAND FROM PRODUCTS WHERE PROD_ID = ?").param(productId).query(Integer.class)
                .single();
    }

    public long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + TABLES.get(TABLES.indexOf(table))).query(Long.class).single();
    }

    /** Every row of every table, in primary-key order. */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (String table : TABLES) {
            snapshot.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows());
        }
        return snapshot;
    }

    private long next(String sequence) {
        return jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
    }
}
