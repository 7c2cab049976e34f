package io.strangler.cdc.ownership;

import io.strangler.cdc.web.ApiProblem;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ownership} and {@code PUT /api/ownership/{table}} with {@code {"owner": "LEGACY|SHARED|NEW"}}
 * (authenticated). The change applies to the next change event of the table. When the new owner needs a capture to
 * stream more tables, the call returns once it does (a few seconds); 503 when it could not, and the owner stays.
 */
@RestController
class OwnershipController {

    private final TableOwnership ownership;

    OwnershipController(TableOwnership ownership) {
        this.ownership = ownership;
    }

    @GetMapping("/api/ownership")
    Map<String, Ownership> all() {
        return ownership.all();
    }

    @PutMapping("/api/ownership/{table}")
    Map<String, Object> change(@PathVariable String table, @RequestBody(required = false) Map<String, Object> body) {
        if (ownership.owner(table).isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-table",
                    "Unknown table '" + table + "'; known tables: " + ownership.all().keySet());
        }
        Object owner = body == null ? null : body.get("owner");
        Ownership parsed = Arrays.stream(Ownership.values()).filter(o -> o.name().equals(owner)).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-ownership",
                        "Body must be {\"owner\": \"LEGACY\" | \"SHARED\" | \"NEW\"}, was " + body));
        if (body.size() != 1) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-ownership",
                    "Body must hold only \"owner\", was " + body.keySet());
        }
        try {
            ownership.change(table, parsed);
        } catch (IllegalStateException e) {
            // a capture could not start streaming what the new owner needs: the owner stays
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "ownership-not-changed",
                    "The owner of '" + table + "' stays " + ownership.owner(table).orElseThrow() + ": " + e.getMessage());
        }
        return Map.of("table", table, "owner", parsed);
    }
}
