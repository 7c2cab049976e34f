package io.strangler.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableValidationTest {

    private static final URI NEW = URI.create("http://localhost:8082");

    @Test
    void shouldRejectARouteWithoutNewUri() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("catalog", List.of("/api/products/**"), null, null, null, null, null, null, null))
                .withMessageContaining("strangler.gateway.routes[catalog].new-uri is required");
    }

    @Test
    void shouldRejectAPathThatDoesNotStartWithSlash() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("catalog", List.of("api/**"), null, null, NEW, null, null, null, null))
                .withMessageContaining("must start with '/'");
    }

    @Test
    void shouldRejectAnUnknownHttpMethod() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("catalog", List.of("/a"), List.of("FETCH"), null, NEW, null, null, null, null))
                .withMessageContaining("unknown HTTP method 'FETCH'");
    }

    @Test
    void shouldRejectMirroringWritesWithoutDryRun() {
        var shadow = new ShadowPolicy(null, List.of("GET", "POST"), false, null, null, null, null, null, null, null, false, null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("orders", List.of("/a"), null, null, NEW, null, shadow, null, null))
                .withMessageContaining("dry-run-writes: true");
    }

    @Test
    void shouldRejectAShadowRateBelowOneCopyPerSecond() {
        var shadow = new ShadowPolicy(null, null, false, null, null, null, 0, null, null, null, false, null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("orders", List.of("/a"), null, null, NEW, null, shadow, null, null))
                .withMessageContaining("max-rate must be at least 1");
    }

    @Test
    void shouldRejectAnIgnorePathThatIsNotAJsonPath() {
        var shadow = new ShadowPolicy(null, null, false, null, null, null, null, List.of("items.price"), null, null, false, null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("orders", List.of("/a"), null, null, NEW, null, shadow, null, null))
                .withMessageContaining("must be a JSON path starting with $");
    }

    @Test
    void shouldRejectANewUriWithAPathBecauseItWouldBeIgnored() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("catalog", List.of("/a"), null, null, URI.create("http://localhost:8082/v2"),
                        null, null, null, null))
                .withMessageContaining("strangler.gateway.routes[catalog].new-uri must be scheme://host[:port] only")
                .withMessageContaining("the path '/v2' would be ignored");
    }

    @Test
    void shouldRejectALegacyUriWithAPathOnARouteAndAtTheTop() {
        URI withPath = URI.create("http://localhost:8081/shop");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("catalog", List.of("/a"), null, withPath, NEW, null, null, null, null))
                .withMessageContaining("strangler.gateway.routes[catalog].legacy-uri must be scheme://host[:port] only");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StranglerGatewayProperties(withPath, null, null, null))
                .withMessageContaining("strangler.gateway.legacy-uri must be scheme://host[:port] only");
    }

    @Test
    void shouldRejectABackendUriWithAQuery() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("catalog", List.of("/a"), null, null, URI.create("http://localhost:8082?x=1"),
                        null, null, null, null))
                .withMessageContaining("a query, fragment or user info would be ignored");
    }

    @Test
    void shouldAcceptABackendUriWithATrailingSlash() {
        var route = new RouteProperties("catalog", List.of("/a"), null, URI.create("http://localhost:8081/"),
                URI.create("https://new.internal:8443/"), null, null, null, null);
        assertThat(route.newUri().getPort()).isEqualTo(8443);
    }

    @Test
    void shouldRejectDuplicateRouteIds() {
        var route = new RouteProperties("catalog", List.of("/a"), null, null, NEW, null, null, null, null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StranglerGatewayProperties(null, null, null, List.of(route, route)))
                .withMessageContaining("declared twice");
    }

    @Test
    void shouldRejectARouteIdThatCannotBeAFlagId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteProperties("Catalog Route", List.of("/a"), null, null, NEW, null, null, null, null))
                .withMessageContaining("must match");
    }
}
