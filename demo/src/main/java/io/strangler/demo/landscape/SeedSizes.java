package io.strangler.demo.landscape;

import java.util.List;

/**
 * How much deterministic data the legacy shop generates at start ({@code shop.seed.*} of legacy-monolith).
 *
 * @param enabled   whether to seed at all
 * @param products  number of products
 * @param customers number of customers
 * @param orders    number of orders
 */
public record SeedSizes(boolean enabled, int products, int customers, int orders) {

    /** The shop's own defaults: a few thousand products, hundreds of customers, thousands of orders. */
    public static final int DEFAULT_PRODUCTS = 3000;
    public static final int DEFAULT_CUSTOMERS = 500;
    public static final int DEFAULT_ORDERS = 5000;
    /** The ranges the legacy shop accepts ({@code shop.seed.*}); use {@code enabled=false} for no data at all. */
    public static final int MIN_PRODUCTS = 1;
    public static final int MAX_PRODUCTS = 999_999;
    public static final int MIN_CUSTOMERS = 1;
    public static final int MAX_CUSTOMERS = 1_000_000;
    public static final int MIN_ORDERS = 0;
    public static final int MAX_ORDERS = 1_000_000;

    public SeedSizes {
        requireSize("products", products, MIN_PRODUCTS, MAX_PRODUCTS);
        requireSize("customers", customers, MIN_CUSTOMERS, MAX_CUSTOMERS);
        requireSize("orders", orders, MIN_ORDERS, MAX_ORDERS);
    }

    /** The legacy shop's command-line arguments that seed it (none when seeding is off). */
    public List<String> legacyShopArguments() {
        if (!enabled) {
            return List.of("--shop.seed.enabled=false");
        }
        return List.of("--shop.seed.enabled=true", "--shop.seed.products=" + products,
                "--shop.seed.customers=" + customers, "--shop.seed.orders=" + orders);
    }

    private static void requireSize(String what, int size, int min, int max) {
        if (size < min || size > max) {
            throw new IllegalArgumentException("Seed size of " + what + " must be " + min + "-" + max + ", was " + size);
        }
    }
}
