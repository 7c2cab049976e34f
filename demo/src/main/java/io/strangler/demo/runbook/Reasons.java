package io.strangler.demo.runbook;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The rule the console applies to reasons, checked before calling it. */
final class Reasons {

    static final int MAX = 500;

    private Reasons() {
    }

    static void require(CommandSpec spec, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX) {
            throw new ParameterException(spec.commandLine(), "--reason must be 1 to " + MAX + " characters");
        }
    }
}
