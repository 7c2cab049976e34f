package io.strangler.flags.client.internal;

/**
 * One server-sent event.
 *
 * @param name the {@code event:} field, {@code "message"} when absent
 * @param data the {@code data:} lines joined by newlines
 * @param id   the {@code id:} field, or null
 */
public record SseEvent(String name, String data, String id) {
}
