package io.strangler.flags.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.flags.client.RouteState;
import io.strangler.flags.service.FlagServiceITBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class AuditLogIT extends FlagServiceITBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldFilterTheAuditLogByRouteAndTime() {
        change("orders", """
                {"mode":"SHADOW","percent":5,"reason":"audit filter: orders"}""");
        RouteState catalog = json.readValue(change("catalog", """
                {"mode":"SHADOW","percent":5,"reason":"audit filter: catalog"}""").body(), RouteState.class);
        Instant at = catalog.updatedAt();

        JsonNode onlyCatalog = json.readTree(get("/api/audit?route=catalog&from=" + at + "&to=" + at.plusMillis(1),
                VIEWER, VIEWER_PASSWORD).body());

        assertThat(reasons(onlyCatalog)).contains("audit filter: catalog").doesNotContain("audit filter: orders");
        JsonNode before = json.readTree(get("/api/audit?route=catalog&to=" + at, VIEWER, VIEWER_PASSWORD).body());
        assertThat(reasons(before)).doesNotContain("audit filter: catalog");
    }

    @Test
    void shouldRefuseToRewriteOrEraseAuditEntriesInTheDatabase() {
        change("orders", """
                {"mode":"LEGACY","reason":"an entry to tamper with"}""");
        long count = jdbc.queryForObject("select count(*) from route_audit", Long.class);

        assertThatThrownBy(() -> jdbc.update("update route_audit set reason = 'nothing happened'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from route_audit"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate route_audit"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from route_audit", Long.class)).isEqualTo(count);
    }

    @Test
    void shouldRejectAnAuditQueryForAnUnknownRouteOrAnEmptyWindow() {
        assertThat(get("/api/audit?route=nope", VIEWER, VIEWER_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/api/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", VIEWER, VIEWER_PASSWORD).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/audit?limit=0", VIEWER, VIEWER_PASSWORD).statusCode()).isEqualTo(400);
    }

    private static List<String> reasons(JsonNode entries) {
        List<String> reasons = new ArrayList<>();
        entries.forEach(entry -> reasons.add(entry.get("reason").asString()));
        return reasons;
    }
}
