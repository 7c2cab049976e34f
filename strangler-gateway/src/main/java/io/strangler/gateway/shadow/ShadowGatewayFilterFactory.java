package io.strangler.gateway.shadow;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR;

import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.strangler.gateway.mode.TrafficMode;
import io.strangler.gateway.route.Backend;
import io.strangler.gateway.route.RouteDecision;
import io.strangler.gateway.route.ShadowPolicy;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Dark launch: while a route is in SHADOW mode, a sample of its requests is copied to the new backend and the two
 * responses are compared ({@link ShadowMirror}). The client gets legacy's response, unchanged and not delayed: the
 * filter only copies its bytes as they stream out. Needs {@code StranglerRoute} before it on the same route.
 *
 * <pre>
 * spring.cloud.gateway.server.webflux.routes:
 *   - id: catalog
 *     uri: http://localhost:8081
 *     predicates: [ "Path=/api/products/**" ]
 *     filters: [ "StranglerRoute=catalog", "Shadow=catalog" ]
 * </pre>
 */
public class ShadowGatewayFilterFactory extends AbstractGatewayFilterFactory<ShadowGatewayFilterFactory.Config> {

    /** After the routing decision, before the response writer (so the copy of the body sees every byte). */
    public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    private final ShadowMirror mirror;

    public ShadowGatewayFilterFactory(ShadowMirror mirror) {
        super(Config.class);
        this.mirror = mirror;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("routeId");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(this::filter, ORDER);
    }

    private Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RouteDecision decision = RouteDecision.of(exchange);
        if (decision == null || decision.setting().mode() != TrafficMode.SHADOW || decision.forced()
                || decision.backend() != Backend.LEGACY) {
            return chain.filter(exchange);
        }
        ShadowPolicy policy = decision.route().shadow();
        String method = exchange.getRequest().getMethod().name();
        if (!policy.methods().contains(method)) {
            return chain.filter(exchange);
        }
        // admitted before anything is copied: a request over the rate ceiling costs the primary path nothing more
        ShadowPermit permit = mirror.admit(decision);
        if (permit == null) {
            return chain.filter(exchange);
        }
        Mono<Void> primary;
        if (ShadowPolicy.isSafe(method)) {
            primary = mirrored(exchange, chain, decision, null, permit);
        } else {
            // a dry-run write: read the body once, replay it to legacy and to the copy
            primary = ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, request -> {
                DataBuffer cached = exchange.getAttribute(CACHED_REQUEST_BODY_ATTR);
                return mirrored(exchange.mutate().request(request).build(), chain, decision, bytes(cached), permit);
            });
        }
        return primary.doFinally(signal -> permit.releaseIfNotStarted());
    }

    private Mono<Void> mirrored(ServerWebExchange exchange, GatewayFilterChain chain, RouteDecision decision,
                                byte[] body, ShadowPermit permit) {
        ResponseTee tee = new ResponseTee(exchange.getResponse(), (int) decision.route().shadow().maxBodySize().toBytes());
        return Mono.deferContextual(context -> {
            // the server request's observation, for the shadow span's parent
            mirror.mirror(permit, decision, exchange.getRequest(), body, tee.captured(),
                    context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
            return chain.filter(exchange.mutate().response(tee).build());
        }).doFinally(signal -> tee.abandon());
    }

    private static byte[] bytes(DataBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
        return bytes;
    }

    /** The filter's settings. */
    public static class Config {
        private String routeId;

        public String getRouteId() {
            return routeId;
        }

        public Config setRouteId(String routeId) {
            this.routeId = routeId;
            return this;
        }
    }
}
