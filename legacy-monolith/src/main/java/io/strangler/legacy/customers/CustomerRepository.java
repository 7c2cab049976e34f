package io.strangler.legacy.customers;

import io.strangler.contracts.paging.PageQuery;
import io.strangler.legacy.orders.Order;
import io.strangler.legacy.orders.OrderRows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL on {@code CUSTOMERS} and, for "their orders", directly on {@code ORDERS} (legacy coupling). */
@Repository
class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> findById(long id) {
        return jdbc.sql("SELECT CUST_ID, EMAIL_ADDR, FULL_NAME, CREDIT_LIMIT_CENTS, CREATED_DT FROM CUSTOMERS "
                        + "WHERE CUST_ID = ?")
                .param(id)
                .query((rs, n) -> new Customer(rs.getLong("CUST_ID"), rs.getString("EMAIL_ADDR"),
                        rs.getString("FULL_NAME"), rs.getLong("CREDIT_LIMIT_CENTS"),
                        rs.getObject("CREATED_DT", OffsetDateTime.class).toInstant()))
                .optional();
    }

    long insert(CustomerInput in) {
        long id = jdbc.sql("SELECT nextval('CUSTOMERS_SEQ')").query(Long.class).single();
        jdbc.sql("INSERT INTO CUSTOMERS (CUST_ID, EMAIL_ADDR, FULL_NAME, CREDIT_LIMIT_CENTS, CREATED_DT, LAST_UPD) "
                        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(id, in.email(), in.name(), in.creditLimitOrDefault())
                .update();
        return id;
    }

    List<Order> ordersOf(long customerId, PageQuery page) {
        return OrderRows.query(jdbc,
                "O.ORD_ID IN (SELECT ORD_ID FROM ORDERS WHERE CUST_ID = ? ORDER BY ORD_ID LIMIT ? OFFSET ?)",
                List.of(customerId, page.size(), page.offset()));
    }

    long countOrdersOf(long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM ORDERS WHERE CUST_ID = ?").param(customerId).query(Long.class).single();
    }
}
