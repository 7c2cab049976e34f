package io.strangler.flags.client.internal;

import java.util.Optional;

/**
 * Turns the lines of a {@code text/event-stream} into events, following the WHATWG parsing rules for the fields used
 * here ({@code event}, {@code data}, {@code id}; comments and {@code retry} are ignored). Not thread-safe: one parser
 * per stream.
 */
public final class SseEventParser {

    private String name;
    private StringBuilder data;
    private String id;

    /** Feeds one line (without its line terminator); returns an event when the line ends one. */
    public Optional<SseEvent> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            case "id" -> id = value;
            default -> {
                // "retry" and unknown fields: the client has its own reconnect policy
            }
        }
        return Optional.empty();
    }

    private Optional<SseEvent> dispatch() {
        if (data == null) {
            name = null;
            return Optional.empty();
        }
        SseEvent event = new SseEvent(name == null || name.isEmpty() ? "message" : name, data.toString(), id);
        name = null;
        data = null;
        return Optional.of(event);
    }
}
