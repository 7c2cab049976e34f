package io.strangler.console.peers;

import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The flag service's REST API (see {@code feature-flags/flag-service/README.md}), as the console uses it. */
public final class FlagService {

    private final Peer peer;

    FlagService(Peer peer) {
        this.peer = peer;
    }

    /** {@code [{routeId, mode, percent, version, killSwitch, updatedAt, updatedBy}]}. */
    public JsonNode routes() {
        return peer.get("/api/routes");
    }

    /**
     * Replaces a route's setting, only if it is still at {@code version} (the flag service answers 409 otherwise).
     *
     * @param change {@code mode}, {@code percent}, {@code killSwitch}, {@code reason}
     */
    public JsonNode change(String routeId, long version, Map<String, Object> change) {
        return peer.put(path("/api/routes/{id}", routeId), change, headers -> headers.setIfMatch("\"" + version + "\""));
    }

    /** Audit entries newest first, of one route or all ({@code routeId} null). */
    public JsonNode audit(String routeId, int limit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/audit").queryParam("limit", limit);
        if (routeId != null) {
            uri.queryParam("route", routeId);
        }
        return peer.get(uri.encode().build().toUriString());
    }

    static String path(String template, String routeId) {
        return UriComponentsBuilder.fromPath(template).buildAndExpand(routeId).encode().toUriString();
    }
}
