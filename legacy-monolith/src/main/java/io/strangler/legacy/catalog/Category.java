package io.strangler.legacy.catalog;

/** A row of {@code CATEGORIES} as the API shows it; {@code parentId} is null for a top-level category. */
public record Category(long id, String name, Long parentId) {
}
