package io.strangler.demo.launch;

/** The landscape cannot start or keep running, for a reason the message tells the user how to fix. */
public final class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
