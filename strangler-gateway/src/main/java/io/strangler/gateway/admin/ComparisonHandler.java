package io.strangler.gateway.admin;

import io.strangler.gateway.fallback.FallbackCounter;
import io.strangler.gateway.metrics.RouteLatencies;
import io.strangler.gateway.mode.RouteModeSetting;
import io.strangler.gateway.mode.RouteModes;
import io.strangler.gateway.route.Backend;
import io.strangler.gateway.route.RouteProperties;
import io.strangler.gateway.route.StranglerGatewayProperties;
import io.strangler.gateway.shadow.ShadowMirror;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /admin/routes} and {@code GET /admin/routes/{id}/comparison?window=5m&samples=1000}. */
class ComparisonHandler {

    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    static final Duration MAX_WINDOW = Duration.ofHours(24);
    static final int DEFAULT_SAMPLES = 1_000;
    static final int MAX_SAMPLES = 10_000;
    static final int TOP_PATHS = 10;

    private final StranglerGatewayProperties properties;
    private final RouteModes modes;
    private final RouteLatencies latencies;
    private final ShadowMirror shadow;
    private final FallbackCounter fallbacks;

    ComparisonHandler(StranglerGatewayProperties properties, RouteModes modes, RouteLatencies latencies,
                      ShadowMirror shadow, FallbackCounter fallbacks) {
        this.properties = properties;
        this.modes = modes;
        this.latencies = latencies;
        this.shadow = shadow;
        this.fallbacks = fallbacks;
    }

    Mono<ServerResponse> routes(ServerRequest request) {
        List<Map<String, Object>> routes = properties.routes().stream().map(declared -> {
            RouteProperties route = properties.route(declared.id());
            RouteModeSetting setting = modes.current(route.id());
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", route.id());
            view.put("paths", route.paths());
            view.put("methods", route.methods());
            view.put("legacyUri", route.legacyUri().toString());
            view.put("newUri", route.newUri().toString());
            view.put("mode", setting.mode().name());
            view.put("percent", setting.percentBuckets() / 100.0);
            return view;
        }).toList();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("routes", routes));
    }

    Mono<ServerResponse> comparison(ServerRequest request) {
        String id = request.pathVariable("id");
        if (properties.routes().stream().noneMatch(route -> route.id().equals(id))) {
            return AdminProblems.of(request, HttpStatus.NOT_FOUND, "not-found", "no route '" + id + "'; known routes: "
                    + properties.routes().stream().map(RouteProperties::id).toList());
        }
        Duration window;
        int samples;
        try {
            window = window(request.queryParam("window"));
            samples = samples(request.queryParam("samples"));
        } catch (IllegalArgumentException invalid) {
            return AdminProblems.of(request, HttpStatus.BAD_REQUEST, "malformed-request", invalid.getMessage());
        }
        RouteModeSetting setting = modes.current(id);
        Map<String, Object> backends = new LinkedHashMap<>();
        backends.put("legacy", latencies.window(id, Backend.LEGACY, window, samples));
        backends.put("new", latencies.window(id, Backend.NEW, window, samples));
        RouteComparison comparison = new RouteComparison(id, setting.mode().name(), setting.percentBuckets() / 100.0,
                window.toString(), castBackends(backends), fallbacks.window(id, window), shadow.stats(id).report(TOP_PATHS, window));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(comparison);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> castBackends(Map<String, Object> backends) {
        return (Map<String, T>) backends;
    }

    static Duration window(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_WINDOW;
        }
        Duration window;
        try {
            window = DurationStyle.detectAndParse(value.get());
        } catch (IllegalArgumentException notADuration) {
            throw new IllegalArgumentException("window must be a duration such as 30s, 5m, 1h or PT5M, got '"
                    + value.get() + "'");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be between 1s and 24h, got " + value.get());
        }
        return window;
    }

    static int samples(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_SAMPLES;
        }
        try {
            int samples = Integer.parseInt(value.get());
            if (samples >= 0 && samples <= MAX_SAMPLES) {
                return samples;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("samples must be an integer from 0 to " + MAX_SAMPLES + ", got '" + value.get() + "'");
    }
}
