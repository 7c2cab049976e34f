package io.strangler.cdc.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EchoFilterTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EchoFilter filter = new EchoFilter();

    @Test
    void dropsEveryChangeOfATransactionThatCarriesTheMarker() {
        assertThat(filter.publish("public.cdc_origin", change("u", 10), false)).isFalse();
        assertThat(filter.publish("public.product", change("u", 10), false)).isFalse();
        assertThat(filter.publish("public.stock", change("u", 10), false)).isFalse();
        assertThat(filter.dropped()).isEqualTo(2);
    }

    @Test
    void publishesChangesOfOtherTransactions() {
        filter.publish("public.cdc_origin", change("u", 10), false);
        assertThat(filter.publish("public.product", change("u", 11), false)).isTrue();
    }

    @Test
    void dropsTheTombstoneOfADroppedDeleteOnly() {
        assertThat(filter.publish("public.product", null, true)).isFalse();
        assertThat(filter.publish("public.product", null, false)).isTrue();
    }

    @Test
    void markerRowsReadByTheSnapshotMarkNoTransaction() {
        filter.publish("public.cdc_origin", change("r", 10), false);
        assertThat(filter.publish("public.product", change("r", 10), false)).isTrue();
    }

    private JsonNode change(String op, long txId) {
        return json.readTree("{\"op\":\"" + op + "\",\"source\":{\"txId\":" + txId + "}}");
    }
}
