package io.strangler.runbook.run;

/** Where a run is. {@link #SUCCEEDED}, {@link #ROLLED_BACK} and {@link #FAILED} are final. */
public enum RunState {
    /** Going through its steps (a step may be waiting for samples, time or an approval). */
    RUNNING,
    /** A step failed or an operator aborted: the rollback sections run, last capability first. */
    ROLLING_BACK,
    /** Every step passed. */
    SUCCEEDED,
    /** Rolled back completely after a failure or an abort. */
    ROLLED_BACK,
    /** A rollback step failed too: a person must look (the timeline says which). */
    FAILED;

    /** @return true when the run will not change any more */
    public boolean isFinal() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == FAILED;
    }
}
