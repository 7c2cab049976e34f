package io.strangler.contracts.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in words a client can act on why a request body could not be read (syntax, unknown property, wrong type),
 * naming the JSON path where it can.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown property '" + path(unknown) + "'; accepted: " + unknown.getKnownPropertyIds();
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another type"
                    : mismatch.getTargetType().getSimpleName();
            return "Property '" + path(mismatch) + "' has the wrong type; expected " + expected;
        }
        if (cause instanceof StreamReadException) {
            return "The request body is not valid JSON: " + firstLine(cause.getMessage());
        }
        if (cause instanceof DatabindException databind) {
            return "The request body does not match the expected shape: " + firstLine(databind.getOriginalMessage());
        }
        return "The request body is missing or unreadable";
    }

    /** {@code lines[0].quantity}, the same notation as validation errors. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
