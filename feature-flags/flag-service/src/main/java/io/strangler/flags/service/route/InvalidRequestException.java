package io.strangler.flags.service.route;

import java.util.List;

/** A request breaks one or more rules (fields of a change, query parameters); nothing was changed. */
public class InvalidRequestException extends RuntimeException {

    /** One broken rule: the request field and what is accepted. */
    public record Violation(String field, String message) {
    }

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
