package io.strangler.runbook.run;

import java.util.Map;

/** What one evaluation of a step found: it passed, it must be evaluated again later, or it failed. */
sealed interface StepResult {

    /** One sentence for the timeline. */
    String outcome();

    /** The figures behind it (serialised as JSON). */
    Map<String, Object> evidence();

    record Passed(String outcome, Map<String, Object> evidence) implements StepResult {
    }

    record Waiting(String outcome, Map<String, Object> evidence) implements StepResult {
    }

    record Failed(String outcome, Map<String, Object> evidence) implements StepResult {
    }
}
