package io.strangler.gateway.route;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
import io.strangler.gateway.shadow.ShadowTransport;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    ShadowTransport shadowTransport() {
        return new ShadowTransport();
    }

    @Bean
    ShadowMirror shadowMirror(ShadowTransport transport, MeterRegistry registry, ObservationRegistry observations,
                              Clock clock, @Value("${strangler.gateway.metrics.events-per-route:10000}") int events) {
        // copies never share the primary path's connections nor its event loops
        return new ShadowMirror(transport.client(observations), transport.scheduler(), registry, observations, clock,
                requirePositiveEvents(events));
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
