package io.strangler.legacy.web;

import java.util.List;

/** A page of a list, sorted by id ascending: {@code {"items":[...], "page":0, "size":20, "totalItems":1234, "totalPages":62}}. */
public record PagedResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
}
