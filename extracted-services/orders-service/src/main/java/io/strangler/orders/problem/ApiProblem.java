package io.strangler.orders.problem;

import java.util.List;

/**
 * An error the client gets as an RFC 9457 problem: {@code type} is {@code /problems/<slug>}.
 *
 * @see ProblemHandler
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ApiProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ApiProblem validation(String field, String message) {
        return new ApiProblem(400, "validation-failed", "Validation failed", "The request has invalid fields.",
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
