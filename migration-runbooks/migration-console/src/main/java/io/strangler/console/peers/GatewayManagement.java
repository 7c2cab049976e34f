package io.strangler.console.peers;

import java.time.Duration;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The gateway's management API (see {@code strangler-gateway/README.md}, "Endpoints"). */
public final class GatewayManagement {

    private final Peer peer;

    GatewayManagement(Peer peer) {
        this.peer = peer;
    }

    /** {@code {routes: [{id, paths, methods, legacyUri, newUri, mode, percent}]}}. */
    public JsonNode routes() {
        return peer.get("/admin/routes");
    }

    /**
     * Legacy and new side by side over {@code window} (1 s to 24 h): counts, errors, percentiles, fallbacks, shadow.
     *
     * @param samples raw latency samples per backend to include, 0 to 10,000
     */
    public JsonNode comparison(String routeId, Duration window, int samples) {
        return peer.get(UriComponentsBuilder.fromPath("/admin/routes/{id}/comparison")
                .queryParam("window", window.toSeconds() + "s").queryParam("samples", samples)
                .buildAndExpand(routeId).encode().toUriString());
    }
}
