package io.strangler.legacy.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hand-written SQL of order placement. Besides {@code ORDERS} and {@code ORDER_LINES} it reads {@code CUSTOMERS} and
 * {@code PRODUCTS} and writes {@code PAYMENTS} itself instead of going through the payments module: the deliberate
 * coupling of the legacy shop.
 */
@Repository
class OrderRepository {

    /** The columns of a {@code PRODUCTS} row that placing an order needs. */
    record ProductRow(long id, String sku, long priceCents, boolean active) {
    }

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Order> findById(long id) {
        return OrderRows.query(jdbc, "O.ORD_ID = ?", List.of(id)).stream().findFirst();
    }

    /** The customer's credit limit, locking the customer row so that credit checks of one customer run one by one. */
    Optional<Long> lockCustomerCreditLimit(long customerId) {
        return jdbc.sql("SELECT CREDIT_LIMIT_CENTS FROM CUSTOMERS WHERE CUST_ID = ? FOR UPDATE")
                .param(customerId).query(Long.class).optional();
    }

    long capturedTotal(long customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(AMOUNT_CENTS), 0) FROM PAYMENTS WHERE CUST_ID = ? AND PAY_STATUS = 'CAPT'")
                .param(customerId).query(Long.class).single();
    }

    Map<Long, ProductRow> products(List<Long> ids) {
        return jdbc.sql("SELECT PROD_ID, PROD_SKU, PRICE_CENTS, ACTIVE_FLG FROM PRODUCTS WHERE PROD_ID IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new ProductRow(rs.getLong("PROD_ID"), rs.getString("PROD_SKU"),
                        rs.getLong("PRICE_CENTS"), "Y".equals(rs.getString("ACTIVE_FLG"))))
                .list().stream().collect(Collectors.toMap(ProductRow::id, Function.identity()));
    }

    long nextOrderId() {
        return jdbc.sql("SELECT nextval('ORDERS_SEQ')").query(Long.class).single();
    }

    /** Writes the captured payment straight into {@code PAYMENTS}; returns its id. */
    long insertCapturedPayment(long customerId, String orderRef, long amountCents) {
        long payId = jdbc.sql("SELECT nextval('PAYMENTS_SEQ')").query(Long.class).single();
        jdbc.sql("INSERT INTO PAYMENTS (PAY_ID, CUST_ID, ORDER_REF, AMOUNT_CENTS, PAY_STATUS, CREATED_DT, LAST_UPD) "
                        + "VALUES (?, ?, ?, ?, 'CAPT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(payId, customerId, orderRef, amountCents).update();
        return payId;
    }

    void insertOrder(long orderId, long customerId, long totalCents, long paymentId) {
        jdbc.sql("INSERT INTO ORDERS (ORD_ID, CUST_ID, ORD_STATUS, TOTAL_CENTS, PAY_ID, PLACED_DT, LAST_UPD) "
                        + "VALUES (?, ?, 'CONF', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(orderId, customerId, totalCents, paymentId).update();
    }

    void insertLine(long orderId, int lineNo, long productId, int quantity, long unitPriceCents) {
        jdbc.sql("INSERT INTO ORDER_LINES (LINE_ID, ORD_ID, LINE_NO, PROD_ID, QTY, UNIT_PRICE_CENTS) "
                        + "VALUES (nextval('ORDER_LINES_SEQ'), ?, ?, ?, ?, ?)")
                .params(orderId, lineNo, productId, quantity, unitPriceCents).update();
    }
}
