package io.strangler.runbook.run;

/** Where a step of a run is. */
public enum StepState {
    /** Started (intent recorded, inputs kept); an action may or may not have been applied yet. */
    RUNNING,
    /** Waiting for samples, time, a peer or an approval; its evidence shows what it saw last. */
    WAITING,
    /** Passed; its evidence shows why. */
    SUCCEEDED,
    /** Failed; its outcome says why. */
    FAILED
}
