package io.strangler.legacy.web;

/** One entry of a {@code validation-failed} problem's {@code errors}: the field (JSON path) and what is wrong. */
public record InvalidField(String field, String message) {
}
