package io.strangler.catalog.web;

import java.util.List;

/**
 * A request the shop's contract refuses with a problem response; thrown by the features, rendered by
 * {@link ProblemResponses}. Throwing it inside a transaction rolls the transaction back, so the request changes nothing.
 */
public class ShopProblem extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldViolation> errors;

    public ShopProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ShopProblem(ProblemType type, String detail, List<Problem.FieldViolation> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ShopProblem notFound(String what, Object id) {
        return new ShopProblem(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** One broken rule outside Bean Validation, e.g. a query parameter, as {@code validation-failed}. */
    public static ShopProblem invalid(String field, String message) {
        return new ShopProblem(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldViolation(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldViolation> errors() {
        return errors;
    }
}
