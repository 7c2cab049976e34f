package io.strangler.runbook.run;

/** The part of a runbook a step belongs to. */
public enum Phase {
    /** The capabilities' steps, in order. */
    FORWARD,
    /** The rollback sections, last capability first. */
    ROLLBACK
}
