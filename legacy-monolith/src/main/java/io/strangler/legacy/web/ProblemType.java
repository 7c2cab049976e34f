package io.strangler.legacy.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The problem types of the shop's HTTP contract (docs/shop-api.md): slug, status and title. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Validation failed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_REFERENCE("unknown-reference", HttpStatus.UNPROCESSABLE_CONTENT, "Unknown reference"),
    INSUFFICIENT_STOCK("insufficient-stock", HttpStatus.CONFLICT, "Insufficient stock"),
    DUPLICATE("duplicate", HttpStatus.CONFLICT, "Duplicate"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused"),
    PAYMENT_DECLINED("payment-declined", HttpStatus.PAYMENT_REQUIRED, "Payment declined"),
    INVALID_STATE("invalid-state", HttpStatus.CONFLICT, "Invalid state"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
