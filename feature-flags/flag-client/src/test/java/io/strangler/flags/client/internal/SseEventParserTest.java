package io.strangler.flags.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {

    @Test
    void shouldAssembleNamedEventsWithMultiLineDataAndIgnoreComments() {
        List<SseEvent> events = parse(":keep-alive", "event:route-changed", "id:catalog:3", "data:{\"a\":", "data: 1}", "",
                "data:plain", "", "event:heartbeat", "data:2026-01-01T00:00:00Z", "");

        assertThat(events).containsExactly(
                new SseEvent("route-changed", "{\"a\":\n1}", "catalog:3"),
                new SseEvent("message", "plain", "catalog:3"),
                new SseEvent("heartbeat", "2026-01-01T00:00:00Z", "catalog:3"));
    }

    @Test
    void shouldDropAnEventWithoutData() {
        assertThat(parse("event:snapshot", "", "data:x", "")).containsExactly(new SseEvent("message", "x", null));
    }

    private static List<SseEvent> parse(String... lines) {
        SseEventParser parser = new SseEventParser();
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.accept(line).ifPresent(events::add);
        }
        return events;
    }
}
