package io.strangler.console.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.console.problem.InvalidInput;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RouteShiftTest {

    @Test
    void shouldUpperCaseTheModeAndNameTheConsoleUserInTheReason() {
        var change = new RouteShift("canary", new BigDecimal("12.5"), null, " judge passed ").toFlagChange("olivia");

        assertThat(change).containsEntry("mode", "CANARY").containsEntry("percent", new BigDecimal("12.5"))
                .containsEntry("killSwitch", false).containsEntry("reason", "judge passed (console: olivia)");
    }

    @Test
    void shouldDefaultThePercentToZeroWhereTheModeHasNone() {
        assertThat(new RouteShift("NEW", null, true, "cut over").toFlagChange("o"))
                .containsEntry("percent", BigDecimal.ZERO).containsEntry("killSwitch", true);
    }

    @Test
    void shouldRefuseMoreThanTwoDecimalsOrOutOfRange() {
        assertThatThrownBy(() -> new RouteShift("CANARY", new BigDecimal("0.001"), null, "x").toFlagChange("o"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("percent");
        assertThatThrownBy(() -> new RouteShift("SHADOW", new BigDecimal("-1"), null, "x").toFlagChange("o"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("percent");
        assertThat(new RouteShift("CANARY", new BigDecimal("5.50"), null, "x").toFlagChange("o")).containsKey("percent");
    }

    @Test
    void shouldRefuseAReasonLongerThanTheLimit() {
        assertThatThrownBy(() -> new RouteShift("NEW", null, null, "x".repeat(RouteShift.MAX_REASON + 1)).toFlagChange("o"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("reason: must be at most");
    }

    @Test
    void shouldReadTheVersionFromOneStrongETagOnly() {
        assertThat(RouteController.version("\"42\"")).isEqualTo(42);
        assertThatThrownBy(() -> RouteController.version("42")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> RouteController.version("\"1\", \"2\"")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> RouteController.version(null)).hasMessageContaining("If-Match");
    }
}
