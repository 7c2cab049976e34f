package io.strangler.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's authentication settings ({@code strangler.gateway.security.*}) and each route's access policy
 * ({@code strangler.gateway.routes[*].auth}; the rest of the route table is bound by the route package). Validated at
 * start: an unknown policy, a scope policy without a scope, or a protected route without JWT settings stops the
 * gateway with a message naming the key.
 *
 * @param security authentication settings
 * @param routes   the route table, of which only {@code id} and {@code auth} are read here
 */
@ConfigurationProperties("strangler.gateway")
public record SecurityProperties(Security security, List<Route> routes) {

    public SecurityProperties {
        security = security == null ? new Security(null, null, null) : security;
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** Every route's rules by route id, plus the default; fails when a rule needs a token and no JWT is set up. */
    AccessRules rules() {
        RouteAccess.Rules fallback = security.defaultAccess().rules("strangler.gateway.security.default-access");
        Map<String, RouteAccess.Rules> byRoute = new HashMap<>();
        String needingToken = fallback.needToken() ? "strangler.gateway.security.default-access" : null;
        for (Route route : routes) {
            String at = "strangler.gateway.routes[" + route.id() + "].auth";
            RouteAccess.Rules rules = route.auth() == null ? fallback : route.auth().rules(at);
            byRoute.put(route.id(), rules);
            needingToken = needingToken == null && rules.needToken() ? at : needingToken;
        }
        if (needingToken != null && !security.jwt().configured()) {
            throw new IllegalArgumentException(needingToken + " requires a bearer token but no token can be validated:"
                    + " set strangler.gateway.security.jwt.jwk-set-uri, .issuer and .audiences");
        }
        return new AccessRules(byRoute, fallback);
    }

    /**
     * @param jwt           how bearer tokens are validated; tokens are not accepted when its {@code jwk-set-uri} is unset
     * @param identity      the headers carrying the caller's identity to the backends
     * @param defaultAccess policy of the catch-all legacy route and of routes without {@code auth} (default public)
     */
    public record Security(Jwt jwt, Identity identity, RouteAccess defaultAccess) {
        public Security {
            jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
            identity = identity == null ? new Identity(null, null) : identity;
            defaultAccess = defaultAccess == null ? RouteAccess.PUBLIC : defaultAccess;
        }
    }

    /**
     * @param jwkSetUri where the issuer's public keys are (JWKS, http or https); unset = no token is accepted
     * @param issuer    the required {@code iss} claim
     * @param audiences the token's {@code aud} must hold one of these
     * @param clockSkew tolerated clock difference when checking {@code exp} and {@code nbf} (default 60 s, at most 5 min)
     */
    public record Jwt(URI jwkSetUri, String issuer, List<String> audiences, Duration clockSkew) {

        static final Duration MAX_SKEW = Duration.ofMinutes(5);

        public Jwt {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            String at = "strangler.gateway.security.jwt";
            if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
                throw new IllegalArgumentException(at + ".clock-skew must be between 0s and 5m, got " + clockSkew);
            }
            if (jwkSetUri != null) {
                if (!("http".equals(jwkSetUri.getScheme()) || "https".equals(jwkSetUri.getScheme()))
                        || jwkSetUri.getHost() == null) {
                    throw new IllegalArgumentException(at + ".jwk-set-uri must be an absolute http(s) URI, got " + jwkSetUri);
                }
                if (issuer == null || issuer.isBlank()) {
                    throw new IllegalArgumentException(at + ".issuer is required with " + at
                            + ".jwk-set-uri: tokens of any issuer using those keys would pass");
                }
                if (audiences.isEmpty() || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
                    throw new IllegalArgumentException(at + ".audiences is required with " + at
                            + ".jwk-set-uri (non-blank values): tokens meant for other services would pass");
                }
            } else if (issuer != null || !audiences.isEmpty()) {
                throw new IllegalArgumentException(at + ".issuer/.audiences are set but " + at
                        + ".jwk-set-uri is not: no token could be validated");
            }
        }

        boolean configured() {
            return jwkSetUri != null;
        }
    }

    /**
     * Headers the gateway sets from a valid token and removes from every incoming request, so no client can forge them.
     *
     * @param subjectHeader the token's {@code sub} (default {@code X-Strangler-Subject})
     * @param scopesHeader  the token's scopes, space-separated (default {@code X-Strangler-Scopes})
     */
    public record Identity(String subjectHeader, String scopesHeader) {
        public Identity {
            subjectHeader = subjectHeader == null || subjectHeader.isBlank() ? "X-Strangler-Subject" : subjectHeader;
            scopesHeader = scopesHeader == null || scopesHeader.isBlank() ? "X-Strangler-Scopes" : scopesHeader;
        }
    }

    /**
     * @param id   the route id (validated by the route table)
     * @param auth its access policy; unset = {@code strangler.gateway.security.default-access}
     */
    public record Route(String id, RouteAccess auth) {
    }
}
