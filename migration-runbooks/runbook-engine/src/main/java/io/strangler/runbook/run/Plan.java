package io.strangler.runbook.run;

import io.strangler.runbook.definition.Runbook;
import io.strangler.runbook.definition.Step;
import java.util.ArrayList;
import java.util.List;

/** The flat list of steps a phase runs: forward in order, or the rollback sections from a capability back to the first. */
record Plan(List<Entry> entries) {

    record Entry(int capabilityIndex, String capability, Step step) {
    }

    static Plan forward(Runbook runbook) {
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < runbook.capabilities().size(); c++) {
            Runbook.Capability capability = runbook.capabilities().get(c);
            for (Step step : capability.steps()) {
                entries.add(new Entry(c, capability.name(), step));
            }
        }
        return new Plan(entries);
    }

    /** Rollback of every capability the run reached, the last reached first (reverse dependency order). */
    static Plan rollback(Runbook runbook, int fromCapability) {
        List<Entry> entries = new ArrayList<>();
        for (int c = fromCapability; c >= 0; c--) {
            Runbook.Capability capability = runbook.capabilities().get(c);
            for (Step step : capability.rollback()) {
                entries.add(new Entry(c, capability.name(), step));
            }
        }
        return new Plan(entries);
    }

    static Plan of(Runbook runbook, RunRecord run) {
        return run.phase() == Phase.FORWARD ? forward(runbook) : rollback(runbook, run.rollbackFrom());
    }

    int size() {
        return entries.size();
    }

    Entry get(int index) {
        return entries.get(index);
    }
}
