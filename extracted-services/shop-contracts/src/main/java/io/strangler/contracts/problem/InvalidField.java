package io.strangler.contracts.problem;

/**
 * One entry of a {@code validation-failed} problem's {@code errors}: the field as a JSON path
 * ({@code lines[0].quantity}), a query parameter or a header name, and what is wrong with it. Both never null.
 */
public record InvalidField(String field, String message) {
}
