package io.strangler.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    @Test
    void shouldParseNamesIndexesWildcardsAndQuotedNames() {
        assertThat(JsonPath.parse("$.items[*].price")).containsExactly("items", "*", "price");
        assertThat(JsonPath.parse("$['odd name'][2]")).containsExactly("odd name", "2");
        assertThat(JsonPath.parse("$..updatedAt")).containsExactly("**", "updatedAt");
    }

    @Test
    void shouldCoverAPathItsWildcardOrAncestorMatches() {
        List<String> price = JsonPath.fromPointer("/items/3/price");
        assertThat(JsonPath.covers(JsonPath.parse("$.items[*].price"), price)).isTrue();
        assertThat(JsonPath.covers(JsonPath.parse("$.items"), price)).isTrue();
        assertThat(JsonPath.covers(JsonPath.parse("$..price"), price)).isTrue();
        assertThat(JsonPath.covers(JsonPath.parse("$.items[*].name"), price)).isFalse();
    }

    @Test
    void shouldRenderPointersAsJsonPaths() {
        assertThat(JsonPath.render(JsonPath.fromPointer("/items/0/unit price"))).isEqualTo("$.items[0]['unit price']");
    }

    @Test
    void shouldRejectAPathThatDoesNotStartWithTheRoot() {
        assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.parse("items.price")).withMessageContaining("$");
    }
}
