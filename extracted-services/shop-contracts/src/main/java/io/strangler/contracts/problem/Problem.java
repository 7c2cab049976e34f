package io.strangler.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An RFC 9457 problem body as the shop's contract shapes it:
 * {@code {"type":"/problems/<slug>", "title":..., "status":..., "detail":..., "instance":"/api/...", "errors":[...]}},
 * {@code errors} only when not empty.
 *
 * <p>Services normally just throw {@link ShopProblem}; build one directly only where a service answers a problem
 * from an exception handler of its own (e.g. a storefront deciding between an HTML page and a problem).
 *
 * @param type     relative type URI, {@code /problems/<slug>}
 * @param instance the request path
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<InvalidField> errors) {

    /** The body of a problem of this type for the request at {@code path}. */
    public static Problem of(ProblemType type, String detail, String path, List<InvalidField> errors) {
        return new Problem(type.uri(), type.title(), type.status().value(), detail, path, List.copyOf(errors));
    }

    /** This body with its status and {@code Content-Type: application/problem+json}. */
    public ResponseEntity<Problem> toResponseEntity() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(this);
    }
}
