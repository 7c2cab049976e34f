package io.strangler.legacy.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-written SQL on {@code PAYMENTS}, plus the credit limit on {@code CUSTOMERS}. */
@Repository
class PaymentRepository {

    private static final String COLUMNS = "PAY_ID, CUST_ID, ORDER_REF, AMOUNT_CENTS, PAY_STATUS, CREATED_DT, LAST_UPD";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM PAYMENTS WHERE PAY_ID = ?")
                .param(id).query(PaymentRepository::payment).optional();
    }

    Optional<Payment> lockById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM PAYMENTS WHERE PAY_ID = ? FOR UPDATE")
                .param(id).query(PaymentRepository::payment).optional();
    }

    /** The customer's credit limit, locking the customer row so that charges of one customer run one by one. */
    Optional<Long> lockCustomerCreditLimit(long customerId) {
        return jdbc.sql("SELECT CREDIT_LIMIT_CENTS FROM CUSTOMERS WHERE CUST_ID = ? FOR UPDATE")
                .param(customerId).query(Long.class).optional();
    }

    long capturedTotal(long customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(AMOUNT_CENTS), 0) FROM PAYMENTS WHERE CUST_ID = ? AND PAY_STATUS = 'CAPT'")
                .param(customerId).query(Long.class).single();
    }

    long insertCaptured(ChargeRequest charge) {
        long id = jdbc.sql("SELECT nextval('PAYMENTS_SEQ')").query(Long.class).single();
        jdbc.sql("INSERT INTO PAYMENTS (" + COLUMNS + ") VALUES (?, ?, ?, ?, 'CAPT', CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP)")
                .params(id, charge.customerId(), charge.orderRef(), charge.amountCents())
                .update();
        return id;
    }

    void markRefunded(long id) {
        jdbc.sql("UPDATE PAYMENTS SET PAY_STATUS = 'RFND', LAST_UPD = CURRENT_TIMESTAMP WHERE PAY_ID = ?")
                .param(id).update();
    }

    static String status(String code) {
        return switch (code.trim()) {
            case "CAPT" -> "CAPTURED";
            case "RFND" -> "REFUNDED";
            default -> throw new IllegalStateException("Unknown PAY_STATUS '" + code + "'");
        };
    }

    private static Payment payment(ResultSet rs, int rowNum) throws SQLException {
        return new Payment(rs.getLong("PAY_ID"), rs.getLong("CUST_ID"), rs.getString("ORDER_REF"),
                rs.getLong("AMOUNT_CENTS"), "EUR", status(rs.getString("PAY_STATUS")),
                rs.getObject("CREATED_DT", OffsetDateTime.class).toInstant(),
                rs.getObject("LAST_UPD", OffsetDateTime.class).toInstant());
    }
}
