package io.strangler.catalog.web;

import java.util.ArrayList;
import java.util.List;

/** A validated page request: {@code page} 0-based, {@code size} 1-100, worded like the legacy shop's refusals. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Validates raw query parameters (null = absent); out-of-range values are a {@code validation-failed} problem. */
    public static PageQuery of(Integer page, Integer size) {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new Problem.FieldViolation("page", "must be greater than or equal to 0"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new Problem.FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ShopProblem(ProblemType.VALIDATION_FAILED, "Invalid paging parameters", errors);
        }
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
