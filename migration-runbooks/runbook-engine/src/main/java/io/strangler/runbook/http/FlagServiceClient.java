package io.strangler.runbook.http;

import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.RouteFlags;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@link RouteFlags} over the flag service's REST API ({@code feature-flags/flag-service/README.md}): {@code GET} and
 * {@code PUT /api/routes/{id}} with {@code If-Match}, HTTP Basic as an operator.
 */
public final class FlagServiceClient implements RouteFlags {

    private static final String PEER = "flag service";
    private final JsonHttp http;

    public FlagServiceClient(URI baseUrl, String username, String password, Duration timeout) {
        this.http = new JsonHttp(PEER, baseUrl, username, password, timeout);
    }

    @Override
    public RouteSetting current(String routeId) {
        JsonHttp.Answer answer = http.get("/api/routes/" + routeId);
        if (answer.status() != 200) {
            throw http.unexpected("GET route " + routeId, answer);
        }
        return setting(answer.body());
    }

    @Override
    public RouteSetting change(String routeId, String mode, double percent, boolean killSwitch, long expectedVersion,
                               String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        body.put("percent", percent);
        body.put("killSwitch", killSwitch);
        body.put("reason", reason);
        JsonHttp.Answer answer = http.send("PUT", "/api/routes/" + routeId, body,
                Map.of("If-Match", "\"" + expectedVersion + "\""));
        if (answer.status() == 409) {
            throw new StaleVersionException("route " + routeId + " changed meanwhile (expected version "
                    + expectedVersion + ")");
        }
        if (answer.status() != 200) {
            throw http.unexpected("PUT route " + routeId + " " + mode + " " + percent + " %", answer);
        }
        return setting(answer.body());
    }

    private static RouteSetting setting(JsonNode route) {
        try {
            return new RouteSetting(JsonHttp.required(route, "routeId", PEER).asString(),
                    JsonHttp.required(route, "mode", PEER).asString(), route.path("percent").asDouble(0),
                    route.path("killSwitch").asBoolean(false),
                    JsonHttp.required(route, "version", PEER).asLong());
        } catch (RuntimeException e) {
            throw e instanceof PortException p ? p : new PortException(PEER + " answered an unexpected route: " + route, e);
        }
    }
}
