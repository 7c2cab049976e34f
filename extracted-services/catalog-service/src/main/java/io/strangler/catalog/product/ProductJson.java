package io.strangler.catalog.product;

import io.strangler.contracts.json.Timestamps;
import io.strangler.contracts.money.Money;

/** The {@code Product} of the shop's contract: price in integer cents, millisecond UTC timestamp. */
record ProductJson(long id, String sku, String name, String description, long categoryId, long priceCents, int stock,
                   boolean active, String updatedAt) {

    static ProductJson of(Product product) {
        return new ProductJson(product.id(), product.sku(), product.name(), product.description(),
                product.categoryId(), Money.toCents(product.price()), product.stock(), product.active(),
                Timestamps.format(product.updatedAt()));
    }
}
