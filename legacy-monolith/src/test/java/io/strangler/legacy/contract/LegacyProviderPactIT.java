package io.strangler.legacy.contract;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import io.strangler.infra.test.WithPostgres;
import io.strangler.legacy.ShopFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verifies the shop's consumer pacts ({@code shop-contracts}) against the legacy shop: the baseline the extracted
 * services are held to with the very same pacts. States are written into the legacy tables with the ids the pacts name
 * (below the 1,000,000,000 the legacy sequences never reach). One subclass per provider part.
 */
@WithPostgres(database = "legacy_it")
@SpringBootTest(webEnvironment = RANDOM_PORT)
abstract class LegacyProviderPactIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void servesWhatShopClientsRelyOn(PactVerificationContext context) {
        context.verifyInteraction();
    }

    void garden() {
        new ShopFixtures(jdbc).clean();
        jdbc.sql("INSERT INTO CATEGORIES (CAT_ID, CAT_NAME) VALUES (3, 'Garden')").update();
    }

    void product(long id, String sku, String name, String description, long priceCents, int stock) {
        jdbc.sql("""
                INSERT INTO PRODUCTS (PROD_ID, PROD_SKU, PROD_NAME, PROD_DESC, CAT_ID, PRICE_CENTS, QTY_ON_HAND,
                                      ACTIVE_FLG)
                VALUES (?, ?, ?, ?, 3, ?, ?, 'Y')
                """).params(id, sku, name, description, priceCents, stock).update();
    }

    void bench(int stock) {
        product(1001, "SKU-001001", "Oak garden bench", "Solid oak, seats three", 12_999, stock);
    }

    void customer7() {
        jdbc.sql("""
                INSERT INTO CUSTOMERS (CUST_ID, EMAIL_ADDR, FULL_NAME, CREDIT_LIMIT_CENTS)
                VALUES (7, 'ada@example.com', 'Ada Lovelace', 500000)
                """).update();
    }
}
