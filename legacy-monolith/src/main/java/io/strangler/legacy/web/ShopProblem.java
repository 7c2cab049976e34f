package io.strangler.legacy.web;

import java.util.List;

/**
 * A request the shop refuses, rendered as an RFC 9457 problem by {@link ApiExceptionHandler}. Thrown inside a
 * transaction it also rolls the transaction back, so a refused request changes nothing.
 */
public class ShopProblem extends RuntimeException {

    private final ProblemType type;
    private final List<InvalidField> errors;

    public ShopProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ShopProblem(ProblemType type, String detail, List<InvalidField> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ShopProblem notFound(String what, long id) {
        return new ShopProblem(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ShopProblem unknownReference(String field, String what, long id) {
        return new ShopProblem(ProblemType.UNKNOWN_REFERENCE, field + ": " + what + " " + id + " does not exist");
    }

    public static ShopProblem invalid(String field, String message) {
        return new ShopProblem(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new InvalidField(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<InvalidField> errors() {
        return errors;
    }
}
