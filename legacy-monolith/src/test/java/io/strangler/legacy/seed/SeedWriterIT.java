package io.strangler.legacy.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import io.strangler.legacy.ShopClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SeedWriterIT extends LegacyShopIT {

    @Autowired
    SeedWriter writer;

    @Autowired
    SeedProperties defaults;

    @Test
    void shouldWriteTheDefaultSizedDataSetThatTheApiThenServes() {
        writer.write(SeedDataGenerator.generate(defaults.sizes(), defaults.randomSeed()));

        assertThat(db.count("CATEGORIES")).isEqualTo(40);
        assertThat(db.count("PRODUCTS")).isEqualTo(3000);
        assertThat(db.count("CUSTOMERS")).isEqualTo(500);
        assertThat(db.count("ORDERS")).isEqualTo(5000);
        assertThat(db.count("PAYMENTS")).isEqualTo(5000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ORDERS O JOIN PAYMENTS P ON P.PAY_ID = O.PAY_ID "
                + "WHERE P.ORDER_REF = 'order-' || O.ORD_ID AND P.AMOUNT_CENTS = O.TOTAL_CENTS")
                .query(Long.class).single()).isEqualTo(5000);

        long customer = jdbc.sql("SELECT MIN(CUST_ID) FROM ORDERS").query(Long.class).single();
        long product = jdbc.sql("SELECT MIN(PROD_ID) FROM PRODUCTS WHERE ACTIVE_FLG = 'Y' AND QTY_ON_HAND > 0")
                .query(Long.class).single();
        ShopClient shop = new ShopClient(port);
        shop.get("/api/customers/" + customer + "/orders").expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].lines[0].sku").isNotEmpty();
        // seeded customers have credit left: a new order goes through
        shop.post("/api/orders", """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}]}""".formatted(customer, product))
                .expectStatus().isCreated();
    }

    @Test
    void shouldWriteTheSameRowsForTheSameSeed() {
        SeedSizes small = new SeedSizes(4, 30, 6, 12);
        writer.write(SeedDataGenerator.generate(small, 7));
        String first = contentWithoutIds();
        db.clean();
        writer.write(SeedDataGenerator.generate(small, 7));
        assertThat(contentWithoutIds()).isEqualTo(first);
    }

    /** Ids come from sequences that keep counting, so compare everything else. */
    private String contentWithoutIds() {
        return jdbc.sql("""
                SELECT string_agg(P.PROD_SKU || P.PROD_NAME || P.PRICE_CENTS || P.QTY_ON_HAND || P.ACTIVE_FLG
                       || C.CAT_NAME, ',' ORDER BY P.PROD_SKU) FROM PRODUCTS P JOIN CATEGORIES C ON C.CAT_ID = P.CAT_ID
                """).query(String.class).single()
                + jdbc.sql("""
                SELECT string_agg(C.EMAIL_ADDR || O.TOTAL_CENTS || P.PAY_STATUS || O.PLACED_DT, ',' ORDER BY O.PLACED_DT)
                  FROM ORDERS O JOIN CUSTOMERS C ON C.CUST_ID = O.CUST_ID JOIN PAYMENTS P ON P.PAY_ID = O.PAY_ID
                """).query(String.class).single();
    }
}
