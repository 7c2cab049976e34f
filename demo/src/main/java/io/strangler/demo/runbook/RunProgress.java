package io.strangler.demo.runbook;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Prints a run as a person follows it: one line per step as it completes, a line whenever a waiting step's outcome
 * changes (samples, time to decision, approvals), and the end.
 */
final class RunProgress {

    private final PrintWriter out;
    private final Map<String, String> printed = new HashMap<>();
    private String lastState = "";

    RunProgress(PrintWriter out) {
        this.out = out;
    }

    /** Prints what changed since the last call; @return true when the run is final. */
    boolean update(JsonNode run) {
        for (JsonNode step : run.path("steps")) {
            String key = step.path("phase").asString() + "/" + step.path("index").asInt();
            String line = line(step);
            if (!line.equals(printed.get(key))) {
                printed.put(key, line);
                out.println(line);
            }
        }
        String state = run.path("state").asString();
        if (!state.equals(lastState)) {
            lastState = state;
            if (state.equals("ROLLING_BACK")) {
                out.println("!! rolling back: " + run.path("failure").asString());
            } else if (!state.equals("RUNNING")) {
                out.println("== run " + run.path("id").asString() + " " + state
                        + (run.path("failure").isString() ? ": " + run.path("failure").asString() : ""));
            }
        }
        out.flush();
        return state.equals("SUCCEEDED") || state.equals("ROLLED_BACK") || state.equals("FAILED");
    }

    static String line(JsonNode step) {
        String mark = switch (step.path("state").asString()) {
            case "SUCCEEDED" -> "ok ";
            case "FAILED" -> "XX ";
            case "WAITING" -> ".. ";
            default -> "-> ";
        };
        String phase = step.path("phase").asString().equals("ROLLBACK") ? "rollback " : "";
        String outcome = step.path("outcome").asString("");
        return mark + phase + "[" + step.path("capability").asString() + "] " + step.path("stepId").asString() + ": "
                + step.path("summary").asString() + (outcome.isEmpty() ? "" : " -- " + outcome);
    }
}
