package io.strangler.console.peers;

import tools.jackson.databind.JsonNode;

/** cdc-sync's read API (see {@code cdc-sync/README.md}, "API"): no credentials needed. */
public final class CdcSync {

    private final Peer peer;

    CdcSync(Peer peer) {
        this.peer = peer;
    }

    /** Captures, appliers, ownership, and per table and direction the counts per outcome and lag p50/p99. */
    public JsonNode status() {
        return peer.get("/api/status");
    }

    /** The last parity report per table. */
    public JsonNode parity() {
        return peer.get("/api/parity");
    }
}
