package io.strangler.catalog.web;

import org.springframework.http.HttpStatus;

/** The problem types of the shop's public contract ({@code docs/shop-api.md}) that this service can answer with. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    VALIDATION_FAILED("validation-failed", "Validation failed", HttpStatus.BAD_REQUEST),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    UNKNOWN_REFERENCE("unknown-reference", "Unknown reference", HttpStatus.UNPROCESSABLE_CONTENT),
    INSUFFICIENT_STOCK("insufficient-stock", "Insufficient stock", HttpStatus.CONFLICT),
    DUPLICATE("duplicate", "Duplicate", HttpStatus.CONFLICT),
    INVALID_STATE("invalid-state", "Invalid state", HttpStatus.CONFLICT),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE);

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The relative type URI, e.g. {@code /problems/not-found}. */
    public String uri() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
