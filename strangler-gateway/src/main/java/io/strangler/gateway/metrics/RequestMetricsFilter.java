package io.strangler.gateway.metrics;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.strangler.gateway.route.Backend;
import io.strangler.gateway.route.RouteDecision;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Times every routed request, body included, by route × serving backend × outcome ({@link BackendRequests}). A
 * failed attempt at new that legacy then answered is recorded by the fallback path, as new's error.
 */
public class RequestMetricsFilter implements GlobalFilter, Ordered {

    /** Outside every other gateway filter, so the time covers the whole exchange. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final BackendRequests requests;

    public RequestMetricsFilter(BackendRequests requests) {
        this.requests = requests;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> record(exchange, signal, System.nanoTime() - start));
    }

    private void record(ServerWebExchange exchange, SignalType signal, long nanos) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return;
        }
        Backend backend = exchange.getAttributeOrDefault(RouteDecision.SERVED_BY_ATTR, Backend.LEGACY);
        requests.record(route.getId(), backend, nanos, outcome(signal, exchange.getResponse().getStatusCode()));
    }

    static String outcome(SignalType signal, HttpStatusCode status) {
        if (signal == SignalType.ON_ERROR) {
            return BackendRequests.ERROR;
        }
        if (signal == SignalType.CANCEL) {
            return "cancelled";
        }
        if (status == null || status.is2xxSuccessful() || status.is3xxRedirection() || status.is1xxInformational()) {
            return "success";
        }
        return status.is4xxClientError() ? "client_error" : BackendRequests.SERVER_ERROR;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
