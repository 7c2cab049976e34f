package io.strangler.contracts;

/**
 * Names shared by the consumer pacts and every provider that verifies them: the participants and the provider
 * states. A provider test names its {@code @State} methods with these constants, so a renamed state breaks the
 * compile instead of silently skipping a setup.
 *
 * <p>Every state describes data the provider must hold (and overwrite if it holds something else under the same
 * ids) before the interaction runs; how it gets there is the provider's business, through its own database.
 */
public final class ShopContract {

    /** The consumer: whatever talks to the shop's public API (browsers, apps, partners). */
    public static final String CONSUMER = "shop-client";
    /** The catalog part of the shop: {@code /api/categories}, {@code /api/products/**}. */
    public static final String CATALOG = "shop-catalog";
    /** The orders part of the shop: {@code /api/orders/**}. */
    public static final String ORDERS = "shop-orders";

    /**
     * Category 3 "Garden"; product 1001: sku {@code SKU-001001}, name "Oak garden bench", description
     * "Solid oak, seats three", category 3, price 12999 cents, active, 10 in stock; product 1002: sku
     * {@code SKU-001002}, name "Garden hose 20 m", description "", category 3, price 2499 cents, active, 5 in stock.
     */
    public static final String PRODUCTS_1001_AND_1002_EXIST = "products 1001 and 1002 exist in category 3";
    /** No product has id 999999999. */
    public static final String PRODUCT_999999999_DOES_NOT_EXIST = "product 999999999 does not exist";
    /** Category 3 "Garden" exists. */
    public static final String CATEGORY_3_EXISTS = "category 3 exists";
    /**
     * Customer 7 (credit limit at least 100000 cents, no open payments) and product 1001 as in
     * {@link #PRODUCTS_1001_AND_1002_EXIST}, with exactly 10 in stock.
     */
    public static final String CUSTOMER_7_AND_PRODUCT_1001_WITH_STOCK_10 =
            "customer 7 and product 1001 with stock 10 exist";
    /**
     * Order 5001 of customer 7, CONFIRMED, one line: product 1001 (sku {@code SKU-001001}) x 2 at 12999 cents,
     * total 25998 cents, paid by a captured payment, placed at any time.
     */
    public static final String ORDER_5001_EXISTS = "order 5001 of customer 7 exists";

    private ShopContract() {
    }
}
