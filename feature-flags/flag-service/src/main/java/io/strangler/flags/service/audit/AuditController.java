package io.strangler.flags.service.audit;

import io.strangler.flags.service.route.RouteChanges;
import io.strangler.flags.service.route.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditLog log;
    private final RouteChanges routes;

    AuditController(AuditLog log, RouteChanges routes) {
        this.log = log;
        this.routes = routes;
    }

    /** Newest first; {@code from} inclusive, {@code to} exclusive (ISO-8601 instants); {@code limit} 1-1000, default 100. */
    @GetMapping("/api/audit")
    List<AuditEntry> find(@RequestParam(required = false) String route, @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "100") int limit) {
        if (route != null) {
            routes.current(route); // 404 for an unknown route rather than an empty list that hides a typo
        }
        List<InvalidRequestException.Violation> violations = new ArrayList<>();
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new InvalidRequestException.Violation("from", "must be before 'to'"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new InvalidRequestException.Violation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return log.find(route, from, to, limit);
    }
}
