package io.strangler.cdc.web;

import org.springframework.http.HttpStatus;

/** A client error answered as RFC 9457 problem details with type {@code /problems/<slug>}. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;

    public ApiProblem(HttpStatus status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
