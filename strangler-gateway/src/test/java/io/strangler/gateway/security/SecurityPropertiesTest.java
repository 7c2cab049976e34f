package io.strangler.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

class SecurityPropertiesTest {

    private static final SecurityProperties.Jwt JWT =
            new SecurityProperties.Jwt(URI.create("http://localhost:9999/jwks.json"), "https://issuer", List.of("gw"), null);

    @Test
    void shouldRejectAnUnknownPolicy() {
        assertThatIllegalArgumentException().isThrownBy(() -> rulesOf(new RouteAccess("members-only", null, null, null)))
                .withMessage("strangler.gateway.routes[orders].auth.policy: unknown policy 'members-only'; accepted: public,"
                        + " authenticated, scope");
    }

    @Test
    void shouldRejectAScopePolicyWithoutAScope() {
        assertThatIllegalArgumentException().isThrownBy(() -> rulesOf(new RouteAccess("scope", null, null, null)))
                .withMessageStartingWith("strangler.gateway.routes[orders].auth.policy is scope but"
                        + " strangler.gateway.routes[orders].auth.scope is missing");
    }

    @Test
    void shouldRejectAScopeThatWouldBeIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> rulesOf(new RouteAccess("authenticated", "shop", null, null)))
                .withMessageContaining("auth.scope is set but strangler.gateway.routes[orders].auth.policy is authenticated");
    }

    @Test
    void shouldRejectAScopeWithSpaces() {
        assertThatIllegalArgumentException().isThrownBy(() -> rulesOf(new RouteAccess("scope", "shop admin", null, null)))
                .withMessageContaining("is not one scope");
    }

    @Test
    void shouldRejectAnUnknownWritePolicy() {
        assertThatIllegalArgumentException().isThrownBy(() -> rulesOf(new RouteAccess("public", null, "admins", null)))
                .withMessageContaining("auth.write-policy: unknown policy 'admins'");
    }

    @Test
    void shouldRejectAProtectedRouteWhenNoTokenCanBeValidated() {
        var properties = new SecurityProperties(null, List.of(new SecurityProperties.Route("orders",
                new RouteAccess("authenticated", null, null, null))));
        assertThatIllegalArgumentException().isThrownBy(properties::rules)
                .withMessageStartingWith("strangler.gateway.routes[orders].auth requires a bearer token")
                .withMessageContaining("strangler.gateway.security.jwt.jwk-set-uri");
    }

    @Test
    void shouldRequireIssuerAndAudienceWithAJwkSetUri() {
        URI jwks = URI.create("http://localhost:9999/jwks.json");
        assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProperties.Jwt(jwks, null, List.of("gw"), null))
                .withMessageStartingWith("strangler.gateway.security.jwt.issuer is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProperties.Jwt(jwks, "https://issuer", null, null))
                .withMessageStartingWith("strangler.gateway.security.jwt.audiences is required");
    }

    @Test
    void shouldRejectAnExcessiveClockSkew() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecurityProperties.Jwt(
                        URI.create("http://localhost:9999/jwks.json"), "https://issuer", List.of("gw"), Duration.ofHours(1)))
                .withMessageContaining("clock-skew must be between 0s and 5m");
    }

    @Test
    void shouldApplyTheWritePolicyToWritesOnly() {
        AccessRules rules = rulesOf(new RouteAccess("authenticated", null, null, "shop"));
        assertThat(rules.rule("orders", "GET")).isEqualTo(new AccessRule(AccessPolicy.AUTHENTICATED, null));
        assertThat(rules.rule("orders", "DELETE")).isEqualTo(new AccessRule(AccessPolicy.SCOPE, "shop"));
        assertThat(rules.rule("legacy-catch-all", "POST")).isEqualTo(AccessRule.PUBLIC);
    }

    @Test
    void shouldStopTheGatewayAtStartWhenAPolicyIsInvalid() {
        new ReactiveWebApplicationContextRunner().withUserConfiguration(SecurityConfiguration.class)
                .withPropertyValues("strangler.gateway.routes[0].id=orders", "strangler.gateway.routes[0].auth.policy=scope")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("strangler.gateway.routes[orders].auth.policy is scope but"));
    }

    private static AccessRules rulesOf(RouteAccess access) {
        return new SecurityProperties(new SecurityProperties.Security(JWT, null, null),
                List.of(new SecurityProperties.Route("orders", access))).rules();
    }
}
