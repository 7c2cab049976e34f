package io.strangler.cdc.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TransactionTracesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final TransactionTraces traces = new TransactionTraces();

    @Test
    void shouldGiveTheTraceparentToEveryChangeOfTheTracedTransactionOnly() {
        assertThat(traces.absorb(message(7, "strangler.trace", base64(TRACEPARENT)))).isTrue();

        assertThat(traces.traceparentOf(change(7))).isEqualTo(TRACEPARENT);
        assertThat(traces.traceparentOf(change(7))).isEqualTo(TRACEPARENT);
        assertThat(traces.traceparentOf(change(8))).isNull();
        assertThat(traces.traceparentOf(null)).isNull();
    }

    @Test
    void shouldStopTracingOnceAChangeOfAnotherTransactionArrives() {
        assertThat(traces.tracing()).isFalse();
        traces.absorb(message(7, "strangler.trace", base64(TRACEPARENT)));
        assertThat(traces.tracing()).isTrue();
        traces.traceparentOf(change(7));
        assertThat(traces.tracing()).isTrue();
        traces.traceparentOf(change(8));
        assertThat(traces.tracing()).isFalse();
        assertThat(traces.traceparentOf(change(7))).isNull();
    }

    @Test
    void shouldPassChangesThroughAndLeaveThemUntracedWithoutAMessage() {
        assertThat(traces.absorb(change(7))).isFalse();
        assertThat(traces.absorb(null)).isFalse();
        assertThat(traces.traceparentOf(change(7))).isNull();
    }

    @Test
    void shouldSwallowMessagesOfOtherPrefixesWithoutTakingTheirContent() {
        assertThat(traces.absorb(message(7, "someone.else", base64(TRACEPARENT)))).isTrue();
        assertThat(traces.traceparentOf(change(7))).isNull();
    }

    @Test
    void shouldTreatMalformedTraceContextAsNoTrace() {
        for (String content : new String[] {"%%% not base64", base64("not a traceparent"),
                base64("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                base64(TRACEPARENT + "-extra"), base64("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")}) {
            traces.absorb(message(9, "strangler.trace", content));
            assertThat(traces.traceparentOf(change(9))).as(content).isNull();
        }
    }

    private static JsonNode message(long txId, String prefix, String content) {
        return JSON.readTree("""
                {"op":"m","ts_ms":1,"source":{"txId":%d,"lsn":10},"message":{"prefix":"%s","content":"%s"}}"""
                .formatted(txId, prefix, content));
    }

    private static JsonNode change(long txId) {
        return JSON.readTree("""
                {"op":"u","before":null,"after":{"id":1},"source":{"txId":%d,"lsn":11,"ts_ms":1}}""".formatted(txId));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
