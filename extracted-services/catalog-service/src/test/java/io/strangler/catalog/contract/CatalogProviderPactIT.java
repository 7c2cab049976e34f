package io.strangler.catalog.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.strangler.catalog.CatalogIT;
import io.strangler.contracts.ShopContract;
import io.strangler.contracts.ShopPacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the catalog part of the shop's consumer pacts ({@code shop-contracts}) against this service: the same pact
 * the legacy shop verifies, so a client cannot tell which of the two answered. States are set up in the catalog's
 * own database.
 */
@Provider(ShopContract.CATALOG)
@ShopPacts
class CatalogProviderPactIT extends CatalogIT {

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void servesWhatShopClientsRelyOn(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(ShopContract.PRODUCTS_1001_AND_1002_EXIST)
    void productsInCategory3() {
        fixtures.category(3, "Garden", null);
        fixtures.product(1001, "SKU-001001", "Oak garden bench", "Solid oak, seats three", 3, "129.99", 10, true);
        fixtures.product(1002, "SKU-001002", "Garden hose 20 m", "", 3, "24.99", 5, true);
    }

    @State(ShopContract.PRODUCT_999999999_DOES_NOT_EXIST)
    void noProduct999999999() {
        jdbc.sql("DELETE FROM product WHERE id = 999999999").update();
    }

    @State(ShopContract.CATEGORY_3_EXISTS)
    void category3() {
        fixtures.category(3, "Garden", null);
    }
}
