package io.strangler.legacy.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import io.strangler.contracts.ShopContract;
import io.strangler.contracts.ShopPacts;

/** The legacy shop serves the catalog part of the shop's pacts ({@code shop-catalog}). */
@Provider(ShopContract.CATALOG)
@ShopPacts
class LegacyCatalogProviderPactIT extends LegacyProviderPactIT {

    @State(ShopContract.PRODUCTS_1001_AND_1002_EXIST)
    void productsInCategory3() {
        garden();
        bench(10);
        product(1002, "SKU-001002", "Garden hose 20 m", "", 2_499, 5);
    }

    @State(ShopContract.PRODUCT_999999999_DOES_NOT_EXIST)
    void noProduct999999999() {
        garden();
    }

    @State(ShopContract.CATEGORY_3_EXISTS)
    void category3() {
        garden();
    }
}
