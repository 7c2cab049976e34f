package io.strangler.console.audit;

import io.strangler.runbook.run.RunView;
import io.strangler.runbook.run.RunbookEngine;
import io.strangler.runbook.run.StepView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people's decisions on runbook runs as audit entries: approvals and rejections (from the approval steps'
 * evidence) and abort requests, in the shape of the flag service's entries ({@code channel} {@code RUNBOOK}).
 */
@Component
class RunDecisions {

    private final ObjectProvider<RunbookEngine> engine;

    RunDecisions(ObjectProvider<RunbookEngine> engine) {
        this.engine = engine;
    }

    /** Every decision on the engine's latest runs; empty when the console runs without the engine. */
    List<ObjectNode> entries() {
        RunbookEngine runs = engine.getIfAvailable();
        if (runs == null) {
            return List.of();
        }
        List<ObjectNode> entries = new ArrayList<>();
        for (RunView run : runs.runs()) {
            for (StepView step : run.steps()) {
                JsonNode evidence = step.evidence();
                if (step.kind().equals("approval") && evidence != null && evidence.hasNonNull("decision")) {
                    entries.add(entry(run, evidence.path("decidedAt").asString(), evidence.path("actor").asString(),
                            evidence.path("decision").asString() + " " + step.stepId(), evidence.path("reason").asString()));
                }
            }
            if (run.abortRequestedBy() != null) {
                entries.add(entry(run, run.endedAt() == null ? null : run.endedAt().toString(), run.abortRequestedBy(),
                        "ABORT", run.failure()));
            }
        }
        return entries;
    }

    private static ObjectNode entry(RunView run, String at, String actor, String decision, String reason) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("changedAt", at);
        entry.put("actor", actor);
        entry.put("channel", "RUNBOOK");
        entry.put("runId", run.id().toString());
        entry.put("runbook", run.runbook());
        entry.put("decision", decision);
        entry.put("reason", reason);
        return entry;
    }
}
