package io.strangler.legacy.seed;

import java.time.Instant;
import java.util.List;

/**
 * Generated shop data, before ids are allocated: rows refer to each other by list index. Two generations with the
 * same sizes and seed are equal.
 */
public record SeedData(List<Category> categories, List<Product> products, List<Customer> customers,
        List<Order> orders) {

    /** {@code parentIndex} is null for a top-level category. */
    public record Category(String name, Integer parentIndex) {
    }

    public record Product(String sku, String name, String description, int categoryIndex, long priceCents, int stock,
            boolean active) {
    }

    public record Customer(String email, String name, long creditLimitCents, Instant createdAt) {
    }

    /** A historic order; its payment is captured unless {@code refunded}. */
    public record Order(int customerIndex, List<Line> lines, long totalCents, boolean refunded, Instant placedAt) {
    }

    public record Line(int productIndex, int quantity, long unitPriceCents) {
    }
}
