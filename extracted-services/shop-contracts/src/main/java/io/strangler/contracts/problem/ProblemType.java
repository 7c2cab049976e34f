package io.strangler.contracts.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem types of the shop's public HTTP contract (docs/shop-api.md, "Errors"): the slug of the relative type
 * URI {@code /problems/<slug>}, the HTTP status and the title every service answers with. Never null in any of its
 * parts.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST, "Validation failed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_REFERENCE("unknown-reference", HttpStatus.UNPROCESSABLE_CONTENT, "Unknown reference"),
    INSUFFICIENT_STOCK("insufficient-stock", HttpStatus.CONFLICT, "Insufficient stock"),
    DUPLICATE("duplicate", HttpStatus.CONFLICT, "Duplicate"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused"),
    /** The first request with the same {@code Idempotency-Key} is still being answered (extracted orders service). */
    REQUEST_IN_PROGRESS("request-in-progress", HttpStatus.CONFLICT, "Request in progress"),
    PAYMENT_DECLINED("payment-declined", HttpStatus.PAYMENT_REQUIRED, "Payment declined"),
    INVALID_STATE("invalid-state", HttpStatus.CONFLICT, "Invalid state"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** A service the answering service depends on refused a call the contract does not expect it to refuse. */
    DOWNSTREAM_REJECTED("downstream-rejected", HttpStatus.BAD_GATEWAY, "Downstream rejected the request"),
    /** A service the answering service depends on did not answer in time; nothing was written. */
    DOWNSTREAM_UNAVAILABLE("downstream-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Downstream unavailable"),
    /** Anything unexpected; the body never carries the exception's message (the service logs it). */
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The relative type URI, e.g. {@code /problems/not-found}. */
    public String uri() {
        return "/problems/" + slug;
    }

    /** The slug alone, e.g. {@code not-found}. */
    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
