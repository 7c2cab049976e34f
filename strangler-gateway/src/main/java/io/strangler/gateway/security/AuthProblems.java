package io.strangler.gateway.security;

import io.strangler.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's 401 and 403 answers: RFC 9457 problem+json with the RFC 6750 {@code WWW-Authenticate: Bearer}
 * challenge. Also Spring Security's entry point, so a rejected token gets the same shape.
 */
class AuthProblems implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException error) {
        String reason = error instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? oauth.getError().getDescription() : error.getMessage();
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"invalid_token\", error_description=\"" + quotable(reason) + "\"");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "invalid-token", "the bearer token is not valid: " + reason);
    }

    Mono<Void> missingToken(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                "this path needs a bearer token: send 'Authorization: Bearer <token>'");
    }

    Mono<Void> missingScope(ServerWebExchange exchange, String scope) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
        return Problems.write(exchange, HttpStatus.FORBIDDEN, "insufficient-scope",
                "this request needs a token with scope '" + scope + "'");
    }

    /** A header's quoted-string may not hold quotes, backslashes or control characters. */
    private static String quotable(String text) {
        return text == null ? "" : text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }
}
