package io.strangler.console.problem;

import java.util.List;

/**
 * Input the console refuses before calling anyone: answered 400 {@code validation-failed} with {@code errors}, or
 * with another status and slug when given (e.g. 428 {@code precondition-required}).
 */
public class InvalidInput extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        this(400, "validation-failed", errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input"), errors);
    }

    public InvalidInput(int status, String slug, String detail) {
        this(status, slug, detail, List.of());
    }

    private InvalidInput(int status, String slug, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    /** One broken rule: which field (or parameter, or header), and what is accepted. */
    public record FieldError(String field, String message) {
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    int status() {
        return status;
    }

    String slug() {
        return slug;
    }

    List<FieldError> errors() {
        return errors;
    }
}
