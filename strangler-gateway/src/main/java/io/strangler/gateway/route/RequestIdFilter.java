package io.strangler.gateway.route;

import java.util.UUID;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gives every request an {@code X-Request-Id} (kept when the client sent one), forwarded to backends and echoed. */
public class RequestIdFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String id = exchange.getRequest().getHeaders().getFirst(HEADER);
        ServerWebExchange withId = exchange;
        if (id == null || id.isBlank() || id.length() > 200) {
            String generated = UUID.randomUUID().toString();
            id = generated;
            withId = exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, generated))).build();
        }
        withId.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
