package io.strangler.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits per client and route: {@code strangler.gateway.rate-limit.*} and each route's
 * {@code strangler.gateway.routes[*].rate-limit} (the rest of the route table is bound by the route package).
 * Validated at start.
 *
 * @param rateLimit the limiter's settings
 * @param routes    the route table, of which only {@code id} and {@code rate-limit} are read here
 */
@ConfigurationProperties("strangler.gateway")
public record RateLimitProperties(Settings rateLimit, List<Route> routes) {

    public RateLimitProperties {
        rateLimit = rateLimit == null ? new Settings(null, null, null) : rateLimit;
        routes = routes == null ? List.of() : List.copyOf(routes);
        routes.forEach(route -> {
            if (route.rateLimit() != null) {
                route.rateLimit().validate("strangler.gateway.routes[" + route.id() + "].rate-limit");
            }
        });
    }

    /** Each route's limit by id; routes without one (and the catch-all) get the default, if any. */
    Map<String, Limit> limitsByRoute() {
        Map<String, Limit> limits = new HashMap<>();
        routes.stream().filter(route -> route.rateLimit() != null).forEach(route -> limits.put(route.id(), route.rateLimit()));
        return limits;
    }

    Optional<Limit> limit(Map<String, Limit> byRoute, String routeId) {
        return Optional.ofNullable(byRoute.getOrDefault(routeId, rateLimit.defaultLimit()));
    }

    /** Where the counters live. */
    public enum Backend {
        /** In this gateway's memory (Resilience4j, fixed windows): each replica counts on its own. */
        MEMORY,
        /** In Redis (Spring Cloud Gateway's RedisRateLimiter, token bucket): shared by every replica. */
        REDIS
    }

    /**
     * @param backend            {@code memory} (default) or {@code redis} (connection: Spring's {@code spring.data.redis.*})
     * @param defaultLimit       limit of the catch-all and of routes without their own; unset = unlimited
     * @param maxClientsPerRoute clients tracked per route in memory (default 100,000); beyond, the least recently seen
     *                           client's count is forgotten
     */
    public record Settings(String backend, Limit defaultLimit, Integer maxClientsPerRoute) {
        public Settings {
            backend = backend == null ? "memory" : backend;
            maxClientsPerRoute = maxClientsPerRoute == null ? 100_000 : maxClientsPerRoute;
            if (maxClientsPerRoute < 1) {
                throw new IllegalArgumentException("strangler.gateway.rate-limit.max-clients-per-route must be at least 1, got "
                        + maxClientsPerRoute);
            }
            if (defaultLimit != null) {
                defaultLimit.validate("strangler.gateway.rate-limit.default-limit");
            }
            parse(backend);
        }

        Backend parsedBackend() {
            return parse(backend);
        }

        private static Backend parse(String backend) {
            return switch (backend.toLowerCase(Locale.ROOT)) {
                case "memory" -> Backend.MEMORY;
                case "redis" -> Backend.REDIS;
                default -> throw new IllegalArgumentException("strangler.gateway.rate-limit.backend: unknown backend '"
                        + backend + "'; accepted: memory, redis");
            };
        }
    }

    /**
     * At most {@code requests} per {@code period} per client on a route.
     *
     * @param requests requests a client may make per period, also its burst (at least 1)
     * @param period   a whole number of seconds, at least 1 s (default 1 s)
     */
    public record Limit(Integer requests, Duration period) {
        public Limit {
            period = period == null ? Duration.ofSeconds(1) : period;
        }

        void validate(String at) {
            if (requests == null || requests < 1) {
                throw new IllegalArgumentException(at + ".requests must be at least 1, got " + requests);
            }
            if (period.getNano() != 0 || period.getSeconds() < 1 || period.getSeconds() > 86_400) {
                throw new IllegalArgumentException(at + ".period must be whole seconds between 1s and 24h, got " + period);
            }
            if ((long) requests * period.getSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(at + ": requests x period-in-seconds must stay under 2^31, got "
                        + requests + " x " + period.getSeconds());
            }
        }

        long periodSeconds() {
            return period.getSeconds();
        }
    }

    /**
     * @param id        the route id (validated by the route table)
     * @param rateLimit its limit per client; unset = {@code strangler.gateway.rate-limit.default-limit}
     */
    public record Route(String id, Limit rateLimit) {
    }
}
