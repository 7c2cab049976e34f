package io.strangler.legacy.seed;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes {@link SeedData} with JDBC batch inserts in one transaction. Ids come from the tables' sequences, like
 * every other row of the legacy shop.
 */
@Component
public class SeedWriter {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    SeedWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void write(SeedData data) {
        long[] categoryIds = ids("CATEGORIES_SEQ", data.categories().size());
        long[] productIds = ids("PRODUCTS_SEQ", data.products().size());
        long[] customerIds = ids("CUSTOMERS_SEQ", data.customers().size());
        long[] orderIds = ids("ORDERS_SEQ", data.orders().size());
        long[] paymentIds = ids("PAYMENTS_SEQ", data.orders().size());

        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < data.categories().size(); i++) {
            SeedData.Category c = data.categories().get(i);
            rows.add(new Object[] {categoryIds[i], c.name(), c.parentIndex() == null ? null : categoryIds[c.parentIndex()]});
        }
        insert("INSERT INTO CATEGORIES (CAT_ID, CAT_NAME, PARENT_CAT_ID, LAST_UPD) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                rows);

        rows = new ArrayList<>();
        for (int i = 0; i < data.products().size(); i++) {
            SeedData.Product p = data.products().get(i);
            rows.add(new Object[] {productIds[i], p.sku(), p.name(), p.description(), categoryIds[p.categoryIndex()],
                    p.priceCents(), p.stock(), p.active() ? "Y" : "N"});
        }
        insert("INSERT INTO PRODUCTS (PROD_ID, PROD_SKU, PROD_NAME, PROD_DESC, CAT_ID, PRICE_CENTS, QTY_ON_HAND, "
                + "ACTIVE_FLG, LAST_UPD) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", rows);

        rows = new ArrayList<>();
        for (int i = 0; i < data.customers().size(); i++) {
            SeedData.Customer c = data.customers().get(i);
            rows.add(new Object[] {customerIds[i], c.email(), c.name(), c.creditLimitCents(),
                    Timestamp.from(c.createdAt())});
        }
        insert("INSERT INTO CUSTOMERS (CUST_ID, EMAIL_ADDR, FULL_NAME, CREDIT_LIMIT_CENTS, CREATED_DT, LAST_UPD) "
                + "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", rows);

        writeOrders(data, productIds, customerIds, orderIds, paymentIds);
    }

    private void writeOrders(SeedData data, long[] productIds, long[] customerIds, long[] orderIds, long[] paymentIds) {
        List<Object[]> payments = new ArrayList<>();
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < data.orders().size(); i++) {
            SeedData.Order o = data.orders().get(i);
            Timestamp placed = Timestamp.from(o.placedAt());
            long customerId = customerIds[o.customerIndex()];
            payments.add(new Object[] {paymentIds[i], customerId, "order-" + orderIds[i], o.totalCents(),
                    o.refunded() ? "RFND" : "CAPT", placed});
            orders.add(new Object[] {orderIds[i], customerId, o.totalCents(), paymentIds[i], placed});
            for (int n = 0; n < o.lines().size(); n++) {
                SeedData.Line l = o.lines().get(n);
                lines.add(new Object[] {orderIds[i], n + 1, productIds[l.productIndex()], l.quantity(),
                        l.unitPriceCents()});
            }
        }
        insert("INSERT INTO PAYMENTS (PAY_ID, CUST_ID, ORDER_REF, AMOUNT_CENTS, PAY_STATUS, CREATED_DT, LAST_UPD) "
                + "VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", payments);
        insert("INSERT INTO ORDERS (ORD_ID, CUST_ID, ORD_STATUS, TOTAL_CENTS, PAY_ID, PLACED_DT, LAST_UPD) "
                + "VALUES (?, ?, 'CONF', ?, ?, ?, CURRENT_TIMESTAMP)", orders);
        insert("INSERT INTO ORDER_LINES (LINE_ID, ORD_ID, LINE_NO, PROD_ID, QTY, UNIT_PRICE_CENTS) "
                + "VALUES (nextval('ORDER_LINES_SEQ'), ?, ?, ?, ?, ?)", lines);
    }

    private long[] ids(String sequence, int count) {
        return jdbc.queryForList("SELECT nextval('" + sequence + "') FROM generate_series(1, ?)", Long.class, count)
                .stream().mapToLong(Long::longValue).toArray();
    }

    private void insert(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
