package io.strangler.cdc.mapping;

/** A change event whose content a mapping cannot translate; it goes to the dead-letter topic with this message. */
public class UnmappableChangeException extends RuntimeException {

    public UnmappableChangeException(String message) {
        super(message);
    }

    public UnmappableChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
