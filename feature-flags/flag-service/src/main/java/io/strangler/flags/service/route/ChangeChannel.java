package io.strangler.flags.service.route;

/** Through which door a change came in; recorded in the audit log. */
public enum ChangeChannel {
    /** The REST API ({@code PUT /api/routes/{id}}). */
    API,
    /** The flag console ({@code /console}). */
    CONSOLE,
    /** Togglz's own admin console ({@code /togglz-console}). */
    TOGGLZ_CONSOLE
}
