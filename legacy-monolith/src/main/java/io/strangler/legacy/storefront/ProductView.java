package io.strangler.legacy.storefront;

import java.util.Locale;

/** What a storefront page shows of a product: the price formatted as euros, the category by name. */
public record ProductView(long id, String sku, String name, String description, long priceCents, int stock,
        String categoryName, boolean active) {

    /** {@code 12999} → {@code €129.99}. */
    public String price() {
        return String.format(Locale.ROOT, "€%,d.%02d", priceCents / 100, priceCents % 100);
    }

    public boolean inStock() {
        return stock > 0;
    }
}
