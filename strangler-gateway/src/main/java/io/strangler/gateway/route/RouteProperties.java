package io.strangler.gateway.route;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One strangled route: which requests it claims and where its two backends are.
 *
 * @param id          route id, also the flag id in the flag service ({@code [a-z0-9][a-z0-9-]*})
 * @param paths       Spring path patterns, e.g. {@code /api/products/**}; at least one
 * @param methods     HTTP methods claimed; empty = all
 * @param legacyUri   legacy backend; defaults to {@code strangler.gateway.legacy-uri}
 * @param newUri      the extracted service; required
 * @param stickiness  what a canary hashes (header, else cookie, else client address)
 * @param shadow      how requests are mirrored and compared in SHADOW mode
 * @param timeouts    response timeouts
 * @param fallback    circuit breaker and fallback to legacy in NEW mode
 */
public record RouteProperties(String id, List<String> paths, List<String> methods, URI legacyUri, URI newUri,
                              @Valid Stickiness stickiness, @Valid ShadowPolicy shadow, @Valid Timeouts timeouts,
                              @Valid FallbackPolicy fallback) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    public RouteProperties {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("strangler.gateway.routes[].id must match " + ID + ", got '" + id + "'");
        }
        String at = "strangler.gateway.routes[" + id + "]";
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException(at + ".paths: give at least one path pattern, e.g. /api/products/**");
        }
        for (String path : paths) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException(at + ".paths: '" + path + "' must start with '/'");
            }
        }
        methods = methods == null ? List.of() : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        methods.forEach(method -> requireMethod(method, at + ".methods"));
        if (legacyUri != null) {
            requireHttpUri(legacyUri, at + ".legacy-uri");
        }
        if (newUri == null) {
            throw new IllegalArgumentException(at + ".new-uri is required (the extracted service, e.g. http://localhost:8082)");
        }
        requireHttpUri(newUri, at + ".new-uri");
        stickiness = stickiness == null ? new Stickiness(null, null) : stickiness;
        shadow = shadow == null ? ShadowPolicy.defaults() : shadow;
        shadow.validate(at + ".shadow");
        timeouts = timeouts == null ? new Timeouts(null, null) : timeouts;
        fallback = fallback == null ? FallbackPolicy.defaults() : fallback;
    }

    RouteProperties withDefaultLegacyUri(URI defaultLegacy) {
        return legacyUri != null ? this
                : new RouteProperties(id, paths, methods, defaultLegacy, newUri, stickiness, shadow, timeouts, fallback);
    }

    /**
     * A backend URI is scheme, host and port only: requests keep their own path and query, so a path, query,
     * fragment or user info in it would be silently ignored. Rejected instead (a trailing {@code /} is fine).
     */
    static void requireHttpUri(URI uri, String key) {
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) URI such as http://localhost:8081, got " + uri);
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            throw new IllegalArgumentException(key + " must be scheme://host[:port] only, got " + uri + ": the path '"
                    + path + "' would be ignored, requests are forwarded with their own path (no prefix is added)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must be scheme://host[:port] only, got " + uri
                    + ": a query, fragment or user info would be ignored");
        }
    }

    static void requireMethod(String method, String key) {
        if (!HTTP_METHODS.contains(method)) {
            throw new IllegalArgumentException(key + ": unknown HTTP method '" + method + "'; accepted: " + HTTP_METHODS);
        }
    }

    /**
     * The canary key: the header if the request has it, else the cookie, else the client's address.
     *
     * @param header e.g. {@code X-Customer-Id}; none when blank
     * @param cookie e.g. {@code customer}; none when blank
     */
    public record Stickiness(String header, String cookie) {
    }

    /**
     * @param newBackend time limit of a call to the new backend in NEW/CANARY before it counts as failed (default 5 s)
     * @param response   gateway response timeout of the route for either backend (default: none)
     */
    public record Timeouts(Duration newBackend, Duration response) {
        public Timeouts {
            newBackend = newBackend == null ? Duration.ofSeconds(5) : newBackend;
            if (newBackend.isNegative() || newBackend.isZero()) {
                throw new IllegalArgumentException("timeouts.new-backend must be positive, got " + newBackend);
            }
        }
    }
}
