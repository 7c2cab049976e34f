package io.strangler.gateway.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller a valid bearer token identified, kept as an exchange attribute for later filters (e.g. the rate limiter
 * keys its limits by subject). Absent for anonymous requests.
 *
 * @param subject the token's {@code sub}; never blank
 * @param scopes  the token's scopes, sorted; never null
 */
public record Caller(String subject, Set<String> scopes) {

    static final String ATTR = Caller.class.getName();

    /** The authenticated caller of this exchange, if any. */
    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTR));
    }
}
