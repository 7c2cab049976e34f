package io.strangler.contracts.paging;

import io.strangler.contracts.problem.InvalidField;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.util.ArrayList;
import java.util.List;

/** A validated page request: {@code page} 0-based, {@code size} 1-100 (docs/shop-api.md, "Paged lists"). */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * Validates raw query parameters (null = absent: page 0, size {@value #DEFAULT_SIZE}); out-of-range values are a
     * {@code validation-failed} {@link ShopProblem} listing each.
     */
    public static PageQuery of(Integer page, Integer size) {
        List<InvalidField> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new InvalidField("page", "must be greater than or equal to 0"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new InvalidField("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ShopProblem(ProblemType.VALIDATION_FAILED, "Invalid paging parameters", errors);
        }
        return new PageQuery(p, s);
    }

    /** The number of items before this page, for SQL {@code OFFSET}. */
    public long offset() {
        return (long) page * size;
    }

    /** This page of a list of {@code totalItems}. */
    public <T> PagedResponse<T> toResponse(List<T> items, long totalItems) {
        return PagedResponse.of(items, page, size, totalItems);
    }
}
