package io.strangler.legacy.seed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Seed data settings, {@code shop.seed.*}.
 *
 * @param enabled    generate data at startup when {@code PRODUCTS} is empty (default false)
 * @param categories number of categories (default 40)
 * @param products   number of products (default 3000)
 * @param customers  number of customers (default 500)
 * @param orders     number of historic orders, each with a captured or refunded payment (default 5000)
 * @param randomSeed the generator's seed: the same seed gives the same data (default 42)
 */
@Validated
@ConfigurationProperties("shop.seed")
public record SeedProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("40") @Min(1) @Max(10_000) int categories,
        @DefaultValue("3000") @Min(1) @Max(999_999) int products,
        @DefaultValue("500") @Min(1) @Max(1_000_000) int customers,
        @DefaultValue("5000") @Min(0) @Max(1_000_000) int orders,
        @DefaultValue("42") long randomSeed) {

    public SeedSizes sizes() {
        return new SeedSizes(categories, products, customers, orders);
    }
}
