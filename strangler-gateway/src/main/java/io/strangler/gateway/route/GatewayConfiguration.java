package io.strangler.gateway.route;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import io.strangler.gateway.fallback.FallbackCounter;
import io.strangler.gateway.fallback.NewBackendCall;
import io.strangler.gateway.fallback.RouteResilience;
import io.strangler.gateway.metrics.BackendRequests;
import io.strangler.gateway.metrics.RequestMetricsFilter;
import io.strangler.gateway.metrics.RouteLatencies;
import io.strangler.gateway.mode.RouteModes;
import io.strangler.gateway.problem.GatewayErrorHandler;
import io.strangler.gateway.shadow.ShadowGatewayFilterFactory;
import io.strangler.gateway.shadow.ShadowMirror;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Wires the route table, the strangler filters, fallback, shadow and metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StranglerGatewayProperties.class)
class GatewayConfiguration {

    @Bean
    RouteLocator stranglerRoutes(RouteLocatorBuilder builder, StranglerGatewayProperties properties,
                                 StranglerRouteGatewayFilterFactory strangler, ShadowGatewayFilterFactory shadow) {
        return StranglerRouteLocator.build(builder, properties, strangler, shadow);
    }

    @Bean
    StranglerRouteGatewayFilterFactory stranglerRouteGatewayFilterFactory(StranglerGatewayProperties properties,
                                                                         RouteModes modes) {
        return new StranglerRouteGatewayFilterFactory(properties, modes);
    }

    @Bean
    ShadowGatewayFilterFactory shadowGatewayFilterFactory(ShadowMirror mirror) {
        return new ShadowGatewayFilterFactory(mirror);
    }

    @Bean
    ShadowMirror shadowMirror(MeterRegistry registry, ObservationRegistry observations, Clock clock,
                              @Value("${strangler.gateway.metrics.events-per-route:10000}") int events) {
        // copies never share the primary path's connections
        ConnectionProvider pool = ConnectionProvider.builder("strangler-shadow").maxConnections(256)
                .pendingAcquireMaxCount(256).maxIdleTime(Duration.ofSeconds(30)).build();
        HttpClient http = HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000);
        // observed: each copy is a client span under the shadow span and sends its traceparent
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .observationRegistry(observations)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        return new ShadowMirror(client, registry, observations, clock, requirePositiveEvents(events));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RouteLatencies routeLatencies(@Value("${strangler.gateway.metrics.samples-per-backend:10000}") int samples,
                                  Clock clock) {
        return new RouteLatencies(samples, clock);
    }

    @Bean
    BackendRequests backendRequests(MeterRegistry registry, RouteLatencies latencies) {
        return new BackendRequests(registry, latencies);
    }

    @Bean
    RequestMetricsFilter requestMetricsFilter(BackendRequests requests) {
        return new RequestMetricsFilter(requests);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    CircuitBreakerRegistry stranglerCircuitBreakers(MeterRegistry registry) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        return breakers;
    }

    @Bean
    FallbackCounter fallbackCounter(MeterRegistry registry, Clock clock,
                                    @Value("${strangler.gateway.metrics.events-per-route:10000}") int events) {
        return new FallbackCounter(registry, requirePositiveEvents(events), clock);
    }

    private static int requirePositiveEvents(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("strangler.gateway.metrics.events-per-route must be at least 1, got " + events);
        }
        return events;
    }

    @Bean
    BackendSelectionFilter backendSelectionFilter(CircuitBreakerRegistry breakers, FallbackCounter fallbacks,
                                                  BackendRequests requests, StranglerGatewayProperties properties) {
        return new BackendSelectionFilter(new NewBackendCall(new RouteResilience(breakers), fallbacks, requests, properties));
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler() {
        return new GatewayErrorHandler();
    }
}
