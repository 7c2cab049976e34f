package io.strangler.runbook.definition;

import java.util.List;
import java.util.stream.Stream;

/**
 * A validated runbook: capabilities in dependency order, each with its steps and rollback. Immutable.
 *
 * @param name         the runbook's identifier, never null
 * @param description  what it does; may be null
 * @param capabilities in the order they move (an abort rolls back the last first), never empty
 */
public record Runbook(String name, String description, List<Capability> capabilities) {

    public Runbook {
        capabilities = List.copyOf(capabilities);
    }

    /** @return every forward step of every capability, in execution order */
    public Stream<Step> steps() {
        return capabilities.stream().flatMap(capability -> capability.steps().stream());
    }

    /**
     * One capability's steps.
     *
     * @param name        e.g. {@code catalog}
     * @param description may be null
     * @param steps       forward steps, never empty
     * @param rollback    steps that undo this capability's move, possibly empty
     */
    public record Capability(String name, String description, List<Step> steps, List<Step> rollback) {
        public Capability {
            steps = List.copyOf(steps);
            rollback = rollback == null ? List.of() : List.copyOf(rollback);
        }
    }
}
