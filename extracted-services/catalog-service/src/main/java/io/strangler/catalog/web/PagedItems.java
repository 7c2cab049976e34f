package io.strangler.catalog.web;

import java.util.List;

/** A page of a list, shaped as the shop's contract says: items sorted by id, 0-based page. */
public record PagedItems<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PagedItems<T> of(List<T> items, int page, int size, long totalItems) {
        return new PagedItems<>(List.copyOf(items), page, size, totalItems, (totalItems + size - 1) / size);
    }
}
