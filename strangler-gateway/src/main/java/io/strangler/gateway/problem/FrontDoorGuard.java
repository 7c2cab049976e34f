package io.strangler.gateway.problem;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers 404 on the front door for the paths of the admin and actuator APIs, which live on the management port
 * only; without this guard the catch-all route would send them to legacy.
 */
public class FrontDoorGuard implements GatewayFilter {

    /** Path patterns refused on the front door. */
    public static final String[] PATHS = {"/admin", "/admin/**", "/actuator", "/actuator/**"};

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found",
                "no such resource on this port: the admin and actuator APIs are served on the management port only");
    }
}
