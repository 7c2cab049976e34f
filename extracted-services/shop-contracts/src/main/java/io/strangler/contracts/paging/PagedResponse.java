package io.strangler.contracts.paging;

import java.util.List;

/**
 * A page of a list as the contract shapes it, items sorted by id ascending:
 * {@code {"items":[...], "page":0, "size":20, "totalItems":1234, "totalPages":62}}.
 */
public record PagedResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** The page with {@code totalPages} computed from {@code totalItems} and {@code size} (at least 1). */
    public static <T> PagedResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PagedResponse<>(List.copyOf(items), page, size, totalItems, (totalItems + size - 1) / size);
    }
}
