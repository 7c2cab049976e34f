package io.strangler.gateway.route;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code strangler.gateway.*}: the route table. Validated at start; a bad table stops the gateway with a message
 * naming the key at fault.
 *
 * @param legacyUri     where requests no route claims go (the catch-all); default {@code http://localhost:8081}
 * @param backendHeader response header naming the backend that served (default {@code X-Strangler-Backend})
 * @param override      tester override of the backend choice (disabled unless a secret is set)
 * @param routes        the strangled routes, in precedence order
 */
@Validated
@ConfigurationProperties("strangler.gateway")
public record StranglerGatewayProperties(URI legacyUri, @NotBlank String backendHeader, @Valid TesterOverride override,
                                         List<@Valid RouteProperties> routes) {

    public static final URI DEFAULT_LEGACY_URI = URI.create("http://localhost:8081");
    public static final String DEFAULT_BACKEND_HEADER = "X-Strangler-Backend";

    public StranglerGatewayProperties {
        legacyUri = legacyUri == null ? DEFAULT_LEGACY_URI : legacyUri;
        RouteProperties.requireHttpUri(legacyUri, "strangler.gateway.legacy-uri");
        backendHeader = backendHeader == null ? DEFAULT_BACKEND_HEADER : backendHeader;
        override = override == null ? new TesterOverride(null, null, null) : override;
        routes = routes == null ? List.of() : List.copyOf(routes);
        Set<String> ids = new HashSet<>();
        for (RouteProperties route : routes) {
            if (!ids.add(route.id())) {
                throw new IllegalArgumentException("strangler.gateway.routes: route id '" + route.id()
                        + "' is declared twice; ids must be unique");
            }
        }
    }

    /** The route with this id with its legacy URI defaulted to {@link #legacyUri()}. */
    public RouteProperties route(String id) {
        return routes.stream().filter(route -> route.id().equals(id)).findFirst()
                .map(route -> route.withDefaultLegacyUri(legacyUri))
                .orElseThrow(() -> new IllegalArgumentException("no route '" + id + "' in strangler.gateway.routes; known: "
                        + routes.stream().map(RouteProperties::id).toList()));
    }

    /**
     * Lets a tester force a backend with a header or cookie whose value is {@code new:<secret>} or
     * {@code legacy:<secret>}. Ignored unless {@code secret} is set; a wrong secret is ignored too.
     *
     * @param header header name (default {@code X-Strangler-Override})
     * @param cookie cookie name (default {@code strangler-override})
     * @param secret the shared secret; overrides are off when blank
     */
    public record TesterOverride(String header, String cookie, String secret) {
        public TesterOverride {
            header = header == null ? "X-Strangler-Override" : header;
            cookie = cookie == null ? "strangler-override" : cookie;
        }

        public boolean enabled() {
            return secret != null && !secret.isBlank();
        }
    }
}
