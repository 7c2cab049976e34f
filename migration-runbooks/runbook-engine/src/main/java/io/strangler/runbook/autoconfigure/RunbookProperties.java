package io.strangler.runbook.autoconfigure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code strangler.runbooks.*}: where the engine finds the systems it acts on, and how often it drives runs.
 *
 * @param enabled      false turns the engine off in a host that has a DataSource (default true)
 * @param directory    folder (a file-system path) of the shipped runbooks listed by {@code GET /api/runbooks} (default {@code migration-runbooks})
 * @param tick         how often unfinished runs are evaluated (default 1s)
 * @param requestTimeout timeout of each HTTP call to a peer (default 5s)
 * @param flags        the flag service (operator credentials: set-route changes routes)
 * @param cdc          cdc-sync (credentials: parity checks and ownership changes need them)
 * @param gatewayManagementUrl the gateway's management port (comparison API), default http://localhost:9080
 * @param prometheusUrl when set, the canary judge reads the gateways' latencies from this Prometheus (many gateway
 *                     replicas) instead of one gateway's comparison API
 * @param services     health URL per service name used by check-health steps, over the local landscape's defaults
 */
@Validated
@ConfigurationProperties("strangler.runbooks")
public record RunbookProperties(Boolean enabled, String directory, Duration tick, Duration requestTimeout,
                                @Valid Peer flags, @Valid Peer cdc, URI gatewayManagementUrl, URI prometheusUrl,
                                Map<String, URI> services) {

    public RunbookProperties {
        enabled = Objects.requireNonNullElse(enabled, true);
        directory = directory == null || directory.isBlank() ? "migration-runbooks" : directory;
        tick = Objects.requireNonNullElse(tick, Duration.ofSeconds(1));
        requestTimeout = Objects.requireNonNullElse(requestTimeout, Duration.ofSeconds(5));
        flags = Objects.requireNonNullElse(flags, new Peer(URI.create("http://localhost:8084"), "operator", null));
        cdc = Objects.requireNonNullElse(cdc, new Peer(URI.create("http://localhost:8085"), "operator", null));
        gatewayManagementUrl = Objects.requireNonNullElse(gatewayManagementUrl, URI.create("http://localhost:9080"));
        Map<String, URI> merged = landscape();
        if (services != null) {
            merged.putAll(services); // a name given replaces the landscape's default, the others stay
        }
        services = Map.copyOf(merged);
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("strangler.runbooks.tick must be positive, got " + tick);
        }
    }

    /**
     * A peer's base URL and HTTP Basic credentials.
     *
     * @param baseUrl  scheme://host:port
     * @param username may be blank (no credentials sent)
     * @param password may be blank
     */
    public record Peer(@NotNull URI baseUrl, String username, String password) {
    }

    private static Map<String, URI> landscape() {
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("legacy-monolith", URI.create("http://localhost:8081/actuator/health"));
        urls.put("catalog-service", URI.create("http://localhost:8082/actuator/health"));
        urls.put("orders-service", URI.create("http://localhost:8083/actuator/health"));
        urls.put("flag-service", URI.create("http://localhost:8084/actuator/health"));
        urls.put("cdc-sync", URI.create("http://localhost:8085/actuator/health"));
        urls.put("strangler-gateway", URI.create("http://localhost:9080/actuator/health"));
        return urls;
    }
}
