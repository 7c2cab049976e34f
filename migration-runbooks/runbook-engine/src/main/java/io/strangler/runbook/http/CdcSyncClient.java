package io.strangler.runbook.http;

import io.strangler.runbook.port.DataSync;
import io.strangler.runbook.port.PortException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@link DataSync} over cdc-sync's API ({@code cdc-sync/README.md}): {@code POST /api/parity/{table}},
 * {@code GET /api/status}, {@code GET /api/ownership}, {@code PUT /api/ownership/{table}} (HTTP Basic).
 */
public final class CdcSyncClient implements DataSync {

    private static final String PEER = "cdc-sync";
    /**
     * An ownership change returns once the captures stream what the new owner needs: cdc-sync restarts an engine and
     * waits up to 60 s for it, usually well under a second.
     */
    static final Duration OWNERSHIP_CHANGE_TIMEOUT = Duration.ofSeconds(90);
    private final JsonHttp http;
    private final JsonHttp ownershipChanges;

    public CdcSyncClient(URI baseUrl, String username, String password, Duration timeout) {
        this.http = new JsonHttp(PEER, baseUrl, username, password, timeout);
        this.ownershipChanges = new JsonHttp(PEER, baseUrl, username, password,
                timeout.compareTo(OWNERSHIP_CHANGE_TIMEOUT) > 0 ? timeout : OWNERSHIP_CHANGE_TIMEOUT);
    }

    @Override
    public ParityResult compare(String table) {
        JsonHttp.Answer answer = http.send("POST", "/api/parity/" + table, null, Map.of());
        if (answer.status() != 200) {
            throw http.unexpected("parity check of " + table, answer);
        }
        JsonNode report = answer.body();
        return new ParityResult(table, report.path("sourceRows").asLong(), report.path("targetRows").asLong(),
                report.path("differingChunks").asInt(), report.path("differingKeys").size(),
                JsonHttp.required(report, "parityPercent", PEER).asDouble());
    }

    @Override
    public List<TableLag> lag() {
        JsonHttp.Answer answer = http.get("/api/status");
        if (answer.status() != 200) {
            throw http.unexpected("status", answer);
        }
        List<TableLag> lags = new ArrayList<>();
        for (JsonNode table : answer.body().path("tables")) {
            lags.add(new TableLag(table.path("table").asString(), table.path("direction").asString(),
                    table.path("lagCount").asLong(), table.path("lagP50Ms").asDouble(), table.path("lagP99Ms").asDouble()));
        }
        return lags;
    }

    @Override
    public String owner(String table) {
        JsonHttp.Answer answer = http.get("/api/ownership");
        if (answer.status() != 200) {
            throw http.unexpected("ownership", answer);
        }
        JsonNode owner = answer.body().get(table);
        if (owner == null) {
            throw new PortException(PEER + " knows no table '" + table + "'; it knows " + answer.body().propertyNames());
        }
        return owner.asString();
    }

    @Override
    public void changeOwner(String table, String owner) {
        JsonHttp.Answer answer = ownershipChanges.send("PUT", "/api/ownership/" + table, Map.of("owner", owner),
                Map.of());
        if (answer.status() != 200 && answer.status() != 204) {
            throw ownershipChanges.unexpected("ownership of " + table + " -> " + owner, answer);
        }
    }
}
