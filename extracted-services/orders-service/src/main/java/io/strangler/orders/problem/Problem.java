package io.strangler.orders.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details as the shop's contract shapes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** One broken rule: {@code lines[0].quantity} / {@code must be greater than 0}. */
    public record FieldError(String field, String message) {
    }
}
