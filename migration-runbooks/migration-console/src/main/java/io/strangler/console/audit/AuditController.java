package io.strangler.console.audit;

import io.strangler.console.peers.FlagService;
import io.strangler.console.problem.InvalidInput;
import io.strangler.console.routes.RouteIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail, newest first: route changes (the flag service's append-only log) and the decisions people took on
 * runbook runs (approvals, rejections, aborts; left out when a route filter is given).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_LIMIT = 1000;
    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator.comparing(AuditController::changedAt,
            Comparator.reverseOrder());

    private final FlagService flags;
    private final RunDecisions decisions;

    AuditController(FlagService flags, RunDecisions decisions) {
        this.flags = flags;
        this.decisions = decisions;
    }

    @GetMapping
    List<JsonNode> audit(@RequestParam(required = false) String route, @RequestParam(defaultValue = "50") int limit) {
        if (route != null) {
            RouteIds.checked("route", route);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        List<JsonNode> entries = new ArrayList<>();
        flags.audit(route, limit).forEach(entries::add);
        if (route == null) {
            entries.addAll(decisions.entries());
        }
        return entries.stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    private static Instant changedAt(JsonNode entry) {
        String at = entry.path("changedAt").asString("");
        try {
            return at.isEmpty() ? Instant.MIN : Instant.parse(at);
        } catch (DateTimeParseException notAnInstant) {
            return Instant.MIN;
        }
    }
}
