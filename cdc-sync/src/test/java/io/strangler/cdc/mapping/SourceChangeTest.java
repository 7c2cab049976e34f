package io.strangler.cdc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SourceChangeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheDebeziumEnvelope() {
        SourceChange change = SourceChange.parse(json, """
                {"before":null,"after":{"prod_id":1},"source":{"lsn":42,"ts_ms":7,"snapshot":"false","txId":3},
                 "op":"c","ts_ms":8}""");

        assertThat(change.lsn()).isEqualTo(42);
        assertThat(change.commitTimeMs()).isEqualTo(7);
        assertThat(change.snapshot()).isFalse();
        assertThat(change.row().path("prod_id").asLong()).isEqualTo(1);
    }

    @Test
    void treatsSnapshotReadsAsSnapshot() {
        SourceChange change = SourceChange.parse(json, """
                {"after":{"prod_id":1},"source":{"lsn":42,"ts_ms":7,"snapshot":"last"},"op":"r"}""");

        assertThat(change.snapshot()).isTrue();
    }

    @Test
    void refusesSomethingThatIsNotAnEnvelope() {
        assertThatThrownBy(() -> SourceChange.parse(json, "not json")).isInstanceOf(UnmappableChangeException.class);
        assertThatThrownBy(() -> SourceChange.parse(json, "{\"op\":\"x\"}"))
                .isInstanceOf(UnmappableChangeException.class).hasMessageContaining("op");
        assertThatThrownBy(() -> SourceChange.parse(json, "{\"op\":\"d\",\"source\":{\"lsn\":1,\"ts_ms\":1}}"))
                .isInstanceOf(UnmappableChangeException.class).hasMessageContaining("before");
    }
}
