package io.strangler.flags.service.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.flags.client.RouteMode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RouteChangeValidatorTest {

    @Test
    void shouldAcceptAModeCaseInsensitivelyAndNormalizeThePercent() {
        RouteSetting setting = RouteChangeValidator.validate(new RouteChange("canary", new BigDecimal("12.50"), null, " why "));

        assertThat(setting.mode()).isEqualTo(RouteMode.CANARY);
        assertThat(setting.percent()).isEqualTo(new BigDecimal("12.5"));
        assertThat(setting.killSwitch()).isFalse();
        assertThat(setting.reason()).isEqualTo("why");
    }

    @Test
    void shouldDefaultThePercentToZeroWhereTheModeDoesNotUseIt() {
        assertThat(RouteChangeValidator.validate(new RouteChange("NEW", null, true, "cut over")).percent())
                .isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void shouldRequireAPercentInShadowAndCanary() {
        assertThatThrownBy(() -> RouteChangeValidator.validate(new RouteChange("SHADOW", null, null, "dark launch")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("percent: is required in SHADOW mode");
    }

    @Test
    void shouldListEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> RouteChangeValidator.validate(new RouteChange(null, new BigDecimal("-1"), null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(InvalidRequestException.Violation::field).containsExactly("mode", "percent", "reason"));
    }

    @Test
    void shouldRejectAReasonLongerThanTheAuditLogKeeps() {
        assertThatThrownBy(() -> RouteChangeValidator.validate(new RouteChange("NEW", null, null, "x".repeat(501))))
                .hasMessageContaining("at most 500 characters");
    }
}
