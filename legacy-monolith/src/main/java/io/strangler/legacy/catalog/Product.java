package io.strangler.legacy.catalog;

import java.time.Instant;

/** A row of {@code PRODUCTS} as the API shows it ({@code stock} is {@code QTY_ON_HAND}). */
public record Product(long id, String sku, String name, String description, long categoryId, long priceCents,
        int stock, boolean active, Instant updatedAt) {
}
