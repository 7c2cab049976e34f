package io.strangler.catalog.category;

/** A product category as the API shows it; {@code parentId} null for a top-level category. */
public record Category(long id, String name, Long parentId) {
}
