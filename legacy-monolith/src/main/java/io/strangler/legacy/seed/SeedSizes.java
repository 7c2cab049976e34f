package io.strangler.legacy.seed;

/** How many rows of each kind {@link SeedDataGenerator} makes. */
public record SeedSizes(int categories, int products, int customers, int orders) {

    public SeedSizes {
        if (categories < 1 || products < 1 || customers < 1 || orders < 0) {
            throw new IllegalArgumentException("Seed sizes need at least one category, product and customer, and "
                    + "no negative order count: " + categories + "/" + products + "/" + customers + "/" + orders);
        }
    }
}
