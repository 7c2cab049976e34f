package io.strangler.demo.runbook;

/** The console refused or could not be asked; the message says why and what to do. */
public final class ConsoleException extends RuntimeException {

    ConsoleException(String message) {
        super(message);
    }
}
