package io.strangler.gateway.metrics;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * Times every routed request, body included, as {@code strangler.gateway.requests} tagged route × backend × outcome
 * (with a percentile histogram), and feeds {@link RouteLatencies}.
 */
public class RequestMetricsFilter implements GlobalFilter, Ordered {

    /** Outside every other gateway filter, so the time covers the whole exchange. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final MeterRegistry registry;
    private final RouteLatencies latencies;

    public RequestMetricsFilter(MeterRegistry registry, RouteLatencies latencies) {
        this.registry = registry;
        this.latencies = latencies;
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
        String outcome = outcome(signal, exchange.getResponse().getStatusCode());
        Timer.builder("strangler.gateway.requests")
                .description("Requests through the gateway, by route, serving backend and outcome")
                .tag("route", route.getId()).tag("backend", backend.tag()).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        latencies.record(route.getId(), backend, nanos, "server_error".equals(outcome) || "error".equals(outcome));
    }

    static String outcome(SignalType signal, HttpStatusCode status) {
        if (signal == SignalType.ON_ERROR) {
            return "error";
        }
        if (signal == SignalType.CANCEL) {
            return "cancelled";
        }
        if (status == null || status.is2xxSuccessful() || status.is3xxRedirection() || status.is1xxInformational()) {
            return "success";
        }
        return status.is4xxClientError() ? "client_error" : "server_error";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
