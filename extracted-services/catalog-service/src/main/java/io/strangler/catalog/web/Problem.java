package io.strangler.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem body as the shop's contract shapes it; {@code errors} only for {@code validation-failed}.
 *
 * @param type     relative type URI, {@code /problems/<slug>}
 * @param instance the request path
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldViolation> errors) {

    /** One broken rule: {@code field} is the JSON path of the value ({@code lines[0].quantity}) or the query parameter. */
    public record FieldViolation(String field, String message) {
    }
}
