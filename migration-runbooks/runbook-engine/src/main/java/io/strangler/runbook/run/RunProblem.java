package io.strangler.runbook.run;

/**
 * A request about a run that cannot be done: unknown run, a decision on a step that is not waiting for one, a role the
 * actor lacks. {@link #kind()} says which, so that a web layer can map it to a status.
 */
public class RunProblem extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** No such run. */
        NOT_FOUND,
        /** The run is not in a state that allows this (e.g. approving when no approval is pending). */
        CONFLICT,
        /** The actor lacks the role the step asks for. */
        FORBIDDEN,
        /** The request itself is invalid (e.g. an unknown service name in a runbook). */
        INVALID
    }

    private final Kind kind;

    public RunProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return what went wrong, never null */
    public Kind kind() {
        return kind;
    }
}
