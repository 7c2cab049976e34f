package io.strangler.runbook.definition;

/**
 * One reason a runbook was refused.
 *
 * @param line    1-based line in the YAML, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param path    JSON path of the offending field, e.g. {@code $.capabilities[0].steps[2].mode}; {@code $} for the file
 * @param message what is wrong and what is accepted, never null
 */
public record RunbookError(int line, int column, String path, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + path + ": " + message;
    }
}
