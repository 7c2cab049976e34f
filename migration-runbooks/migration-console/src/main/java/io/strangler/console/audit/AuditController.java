package io.strangler.console.audit;

import io.strangler.console.peers.FlagService;
import io.strangler.console.problem.InvalidInput;
import io.strangler.console.routes.RouteIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The audit trail of route changes (the flag service's append-only log), newest first. */
@RestController
@RequestMapping(path = {"/api/audit", "/ui/api/audit"})
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final FlagService flags;

    AuditController(FlagService flags) {
        this.flags = flags;
    }

    @GetMapping
    JsonNode audit(@RequestParam(required = false) String route, @RequestParam(defaultValue = "50") int limit) {
        if (route != null) {
            RouteIds.checked("route", route);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        return flags.audit(route, limit);
    }
}
