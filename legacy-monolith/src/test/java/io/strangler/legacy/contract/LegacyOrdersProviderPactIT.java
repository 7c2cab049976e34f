package io.strangler.legacy.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.strangler.contracts.ShopContract;
import io.strangler.contracts.ShopPacts;

/** The legacy shop serves the orders part of the shop's pacts ({@code shop-orders}). */
@Provider(ShopContract.ORDERS)
@ShopPacts
class LegacyOrdersProviderPactIT extends LegacyProviderPactIT {

    @State(ShopContract.CUSTOMER_7_AND_PRODUCT_1001_WITH_STOCK_10)
    void customerAndStock() {
        garden();
        bench(10);
        customer7();
    }

    @State(ShopContract.ORDER_5001_EXISTS)
    void order5001() {
        garden();
        bench(8);
        customer7();
        jdbc.sql("""
                INSERT INTO PAYMENTS (PAY_ID, CUST_ID, ORDER_REF, AMOUNT_CENTS, PAY_STATUS)
                VALUES (9001, 7, 'order-5001', 25998, 'CAPT')
                """).update();
        jdbc.sql("""
                INSERT INTO ORDERS (ORD_ID, CUST_ID, ORD_STATUS, TOTAL_CENTS, PAY_ID)
                VALUES (5001, 7, 'CONF', 25998, 9001)
                """).update();
        jdbc.sql("""
                INSERT INTO ORDER_LINES (LINE_ID, ORD_ID, LINE_NO, PROD_ID, QTY, UNIT_PRICE_CENTS)
                VALUES (50011, 5001, 1, 1001, 2, 12999)
                """).update();
    }
}
