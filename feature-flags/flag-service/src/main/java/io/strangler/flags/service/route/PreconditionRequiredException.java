package io.strangler.flags.service.route;

/** A change without {@code If-Match}: changes must name the version they are based on (428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Changing a route requires If-Match with the route's ETag (GET /api/routes/{id} returns it, e.g. \"3\")");
    }
}
