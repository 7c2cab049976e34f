package io.strangler.flags.service.route;

/** {@code If-Match} that is not exactly one strong ETag of this API. */
public class MalformedIfMatchException extends RuntimeException {

    public MalformedIfMatchException(String value) {
        super("If-Match must be exactly one strong ETag as returned by GET /api/routes/{id}, e.g. \"3\"; got " + value);
    }
}
