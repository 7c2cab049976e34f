package io.strangler.gateway.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.gateway.route.Backend;
import io.strangler.gateway.route.StranglerGatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class TesterOverrideTest {

    private final TesterOverride override = new TesterOverride(
            new StranglerGatewayProperties.TesterOverride(null, null, "s3cret"));

    @Test
    void shouldForceTheBackendNamedWithTheRightSecret() {
        var request = MockServerHttpRequest.get("/").header("X-Strangler-Override", "new:s3cret").build();
        assertThat(override.forced(request)).contains(Backend.NEW);
    }

    @Test
    void shouldAcceptTheOverrideFromACookie() {
        var request = MockServerHttpRequest.get("/").cookie(new HttpCookie("strangler-override", "legacy:s3cret")).build();
        assertThat(override.forced(request)).contains(Backend.LEGACY);
    }

    @Test
    void shouldIgnoreAnOverrideWithAWrongSecret() {
        var request = MockServerHttpRequest.get("/").header("X-Strangler-Override", "new:guess").build();
        assertThat(override.forced(request)).isEmpty();
    }

    @Test
    void shouldIgnoreEveryOverrideWhenNoSecretIsConfigured() {
        var disabled = new TesterOverride(new StranglerGatewayProperties.TesterOverride(null, null, null));
        var request = MockServerHttpRequest.get("/").header("X-Strangler-Override", "new:").build();
        assertThat(disabled.forced(request)).isEmpty();
    }
}
