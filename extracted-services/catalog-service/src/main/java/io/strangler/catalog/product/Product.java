package io.strangler.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the catalog stores it: decimal euro price, stock from the stock table. */
record Product(long id, String sku, String name, String description, long categoryId, BigDecimal price, int stock,
               boolean active, Instant updatedAt) {
}
