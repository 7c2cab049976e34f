package io.strangler.catalog.product;

import java.util.HashMap;
import java.util.Map;

/** The optional filters of the product list: a category, and a case-insensitive substring of the name. */
record ProductFilter(Long categoryId, String nameContains) {

    String where() {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (categoryId != null) {
            where.append(" AND p.category_id = :categoryId");
        }
        if (nameContains != null) {
            // position() rather than LIKE: no wildcard escaping of what the client typed
            where.append(" AND position(lower(:q) IN lower(p.name)) > 0");
        }
        return where.toString();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        if (categoryId != null) {
            params.put("categoryId", categoryId);
        }
        if (nameContains != null) {
            params.put("q", nameContains);
        }
        return params;
    }
}
