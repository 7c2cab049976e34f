package io.strangler.legacy.orders;

/** A row of {@code ORDER_LINES}, with the product's sku and the line total. */
public record OrderLine(long productId, String sku, int quantity, long unitPriceCents, long lineTotalCents) {
}
