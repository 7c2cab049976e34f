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
    /** Upper bound for each size: keeps the demo startable in about a minute. */
    public static final int MAX_SIZE = 1_000_000;

    public SeedSizes {
        requireSize("products", products);
        requireSize("customers", customers);
        requireSize("orders", orders);
    }

    /** The legacy shop's command-line arguments that seed it (none when seeding is off). */
    public List<String> legacyShopArguments() {
        if (!enabled) {
            return List.of("--shop.seed.enabled=false");
        }
        return List.of("--shop.seed.enabled=true", "--shop.seed.products=" + products,
                "--shop.seed.customers=" + customers, "--shop.seed.orders=" + orders);
    }

    private static void requireSize(String what, int size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("Seed size of " + what + " must be 0-" + MAX_SIZE + ", was " + size);
        }
    }
}
