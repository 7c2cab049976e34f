package io.strangler.runbook.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookPropertiesTest {

    @Test
    void shouldDefaultToTheLocalLandscape() {
        RunbookProperties properties = new RunbookProperties(null, null, null, null, null, null, null, null, null);

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.directory()).isEqualTo("migration-runbooks");
        assertThat(properties.tick()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.flags().baseUrl()).isEqualTo(URI.create("http://localhost:8084"));
        assertThat(properties.gatewayManagementUrl()).isEqualTo(URI.create("http://localhost:9080"));
        assertThat(properties.services()).containsEntry("catalog-service",
                URI.create("http://localhost:8082/actuator/health"));
    }

    @Test
    void shouldReplaceOnlyTheHealthUrlsGiven() {
        RunbookProperties properties = new RunbookProperties(null, null, null, null, null, null, null, null,
                Map.of("catalog-service", URI.create("http://localhost:18082/actuator/health")));

        assertThat(properties.services()).containsEntry("catalog-service",
                URI.create("http://localhost:18082/actuator/health")).containsKey("orders-service");
    }

    @Test
    void shouldRefuseATickThatIsNotPositive() {
        assertThatThrownBy(() -> new RunbookProperties(null, null, Duration.ZERO, null, null, null, null, null, null))
                .hasMessageContaining("strangler.runbooks.tick must be positive");
    }
}
