package io.strangler.contracts.problem;

import java.util.List;

/**
 * A request the shop refuses, answered as an RFC 9457 {@code application/problem+json} body of the given
 * {@link ProblemType} by the shop's problem handler (auto-configured with this module). The message is the
 * problem's {@code detail}, shown to clients as is. Thrown inside a transaction it rolls the transaction back, so a
 * refused request changes nothing.
 */
public class ShopProblem extends RuntimeException {

    private final ProblemType type;
    private final List<InvalidField> errors;

    public ShopProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** @param errors the broken rules of a {@code validation-failed} problem, in the order to list them */
    public ShopProblem(ProblemType type, String detail, List<InvalidField> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** {@code not-found}: "{what} {id} does not exist". */
    public static ShopProblem notFound(String what, Object id) {
        return new ShopProblem(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** {@code unknown-reference}: "{field}: {what} {id} does not exist". */
    public static ShopProblem unknownReference(String field, String what, Object id) {
        return new ShopProblem(ProblemType.UNKNOWN_REFERENCE, field + ": " + what + " " + id + " does not exist");
    }

    /** {@code validation-failed} for one broken rule outside Bean Validation (a query parameter, a header). */
    public static ShopProblem invalid(String field, String message) {
        return new ShopProblem(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new InvalidField(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    /** Never null; empty unless {@code validation-failed}. */
    public List<InvalidField> errors() {
        return errors;
    }
}
