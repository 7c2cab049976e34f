package io.strangler.orders.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.strangler.contracts.ShopContract;
import io.strangler.contracts.ShopPacts;
import io.strangler.orders.ComponentTestSupport;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the shop's {@code shop-orders} consumer pact (from {@code shop-contracts}) against orders-service. Provider
 * states write orders-service's own database and stub its downstreams (catalog-service, the legacy shop) in WireMock.
 */
@Provider(ShopContract.ORDERS)
@ShopPacts
class ShopOrdersPactIT extends ComponentTestSupport {

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursTheShopOrdersContract(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(ShopContract.CUSTOMER_7_AND_PRODUCT_1001_WITH_STOCK_10)
    void customerSevenAndTenBenches() {
        customerExists(7);
        downstreams.stubFor(reserve().atPriority(5).willReturn(reserved()));
        // more than the 10 on hand
        downstreams.stubFor(reserve().atPriority(1)
                .withRequestBody(matchingJsonPath("$.lines[?(@.productId == 1001 && @.quantity > 10)]"))
                .willReturn(problem(409, "insufficient-stock", "Product 1001 has 10 on hand.")));
        downstreams.stubFor(charge().willReturn(payment(9001, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));
    }

    @State(ShopContract.ORDER_5001_EXISTS)
    void orderFiveThousandOne() {
        // an id below 1e9: the legacy shop's order, as change data capture copies it into this database
        OffsetDateTime placed = OffsetDateTime.of(2026, 11, 28, 10, 15, 30, 123_000_000, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO customer_order (id, customer_id, status, total, payment_id, placed_at, updated_at)
                        VALUES (5001, 7, 'CONFIRMED', 259.98, 9001, ?, ?)""").params(placed, placed).update();
        jdbc.sql("""
                        INSERT INTO order_line (order_id, line_no, product_id, sku, quantity, unit_price)
                        VALUES (5001, 0, 1001, 'SKU-001001', 2, 129.99)""").update();
    }
}
