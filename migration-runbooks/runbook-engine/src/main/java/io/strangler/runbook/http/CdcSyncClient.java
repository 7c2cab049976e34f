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
    private final JsonHttp http;

    public CdcSyncClient(URI baseUrl, String username, String password, Duration timeout) {
        this.http = new JsonHttp(PEER, baseUrl, username, password, timeout);
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
        JsonHttp.Answer answer = http.send("PUT", "/api/ownership/" + table, Map.of("owner", owner), Map.of());
        if (answer.status() != 200 && answer.status() != 204) {
            throw http.unexpected("ownership of " + table + " -> " + owner, answer);
        }
    }
}
