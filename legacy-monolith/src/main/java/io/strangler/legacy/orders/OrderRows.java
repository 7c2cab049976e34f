package io.strangler.legacy.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads orders with their lines in one query. Public because other modules query {@code ORDERS} directly (the
 * customers module's "their orders" page does): that is how the legacy shop is built.
 */
public final class OrderRows {

    private static final String SELECT_WITH_LINES = """
            SELECT O.ORD_ID, O.CUST_ID, O.ORD_STATUS, O.TOTAL_CENTS, O.PAY_ID, O.PLACED_DT,
                   L.PROD_ID, P.PROD_SKU, L.QTY, L.UNIT_PRICE_CENTS
              FROM ORDERS O
              JOIN ORDER_LINES L ON L.ORD_ID = O.ORD_ID
              JOIN PRODUCTS P ON P.PROD_ID = L.PROD_ID
            """;

    private OrderRows() {
    }

    /** Orders matching {@code whereClause} (on alias {@code O}), sorted by id, each with its lines in line order. */
    public static List<Order> query(JdbcClient jdbc, String whereClause, List<?> params) {
        Map<Long, Order> orders = new LinkedHashMap<>();
        jdbc.sql(SELECT_WITH_LINES + " WHERE " + whereClause + " ORDER BY O.ORD_ID, L.LINE_NO")
                .params(params)
                .query((ResultSet rs) -> {
                    Order order = orders.computeIfAbsent(rs.getLong("ORD_ID"), id -> header(rs));
                    long unitPrice = rs.getLong("UNIT_PRICE_CENTS");
                    int qty = rs.getInt("QTY");
                    order.lines().add(new OrderLine(rs.getLong("PROD_ID"), rs.getString("PROD_SKU"), qty, unitPrice,
                            unitPrice * qty));
                });
        return orders.values().stream()
                .map(o -> new Order(o.id(), o.customerId(), o.status(), List.copyOf(o.lines()), o.totalCents(),
                        o.currency(), o.paymentId(), o.placedAt()))
                .toList();
    }

    /** {@code ORD_STATUS} code to the API's status name. */
    public static String status(String code) {
        return switch (code.trim()) {
            case "PEND" -> "PENDING";
            case "CONF" -> "CONFIRMED";
            case "FAIL" -> "FAILED";
            case "CANC" -> "CANCELLED";
            default -> throw new IllegalStateException("Unknown ORD_STATUS '" + code + "'");
        };
    }

    private static Order header(ResultSet rs) {
        try {
            return new Order(rs.getLong("ORD_ID"), rs.getLong("CUST_ID"), status(rs.getString("ORD_STATUS")),
                    new ArrayList<>(), rs.getLong("TOTAL_CENTS"), "EUR", rs.getObject("PAY_ID", Long.class),
                    rs.getObject("PLACED_DT", OffsetDateTime.class).toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read ORDERS row", e);
        }
    }
}
