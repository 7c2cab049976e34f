package io.strangler.gateway.canary;

import io.strangler.gateway.route.Backend;
import io.strangler.gateway.route.StranglerGatewayProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Reads a tester's forced backend from the override header or cookie ({@code new:<secret>} / {@code legacy:<secret>}).
 * The secret is compared in constant time; without a configured secret, or with a wrong one, nothing is forced.
 */
public final class TesterOverride {

    private final StranglerGatewayProperties.TesterOverride config;
    private final byte[] secret;

    public TesterOverride(StranglerGatewayProperties.TesterOverride config) {
        this.config = config;
        this.secret = config.enabled() ? config.secret().getBytes(StandardCharsets.UTF_8) : null;
    }

    public Optional<Backend> forced(ServerHttpRequest request) {
        if (secret == null) {
            return Optional.empty();
        }
        String value = request.getHeaders().getFirst(config.header());
        if (value == null) {
            HttpCookie cookie = request.getCookies().getFirst(config.cookie());
            value = cookie == null ? null : cookie.getValue();
        }
        return value == null ? Optional.empty() : parse(value);
    }

    private Optional<Backend> parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        byte[] given = value.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret)) {
            return Optional.empty();
        }
        return Backend.parse(value.substring(0, colon));
    }
}
