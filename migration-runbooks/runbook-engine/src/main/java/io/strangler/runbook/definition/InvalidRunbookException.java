package io.strangler.runbook.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A runbook refused before anything ran: not YAML, or not valid against the schema. */
public class InvalidRunbookException extends RuntimeException {

    private final String source;
    private final transient List<RunbookError> errors;

    public InvalidRunbookException(String source, List<RunbookError> errors) {
        super("Runbook " + source + " is invalid:\n" + errors.stream().map(e -> "  " + e)
                .collect(Collectors.joining("\n")));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** @return where the runbook came from (a file name), never null */
    public String source() {
        return source;
    }

    /** @return every error found, never empty */
    public List<RunbookError> errors() {
        return errors;
    }
}
