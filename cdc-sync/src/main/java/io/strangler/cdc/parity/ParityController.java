package io.strangler.cdc.parity;

import io.strangler.cdc.web.ApiProblem;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/parity}: the last report per table; {@code POST /api/parity/{table}}: compare now;
 * {@code POST /api/parity/{table}/repair}: compare and send the differing source rows again.
 */
@RestController
class ParityController {

    private final ParityReconciler reconciler;

    ParityController(ParityReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @GetMapping("/api/parity")
    Map<String, ParityReport> lastReports() {
        return reconciler.lastReports();
    }

    @PostMapping("/api/parity/{table}")
    ParityReport compare(@PathVariable String table) throws SQLException {
        return reconciler.compare(table).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "unknown-table",
                "No parity check for table '" + table + "'; known tables: " + reconciler.tables()));
    }

    @PostMapping("/api/parity/{table}/repair")
    ParityReconciler.Repair repair(@PathVariable String table) throws SQLException {
        return reconciler.repair(table).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "unknown-table",
                "No parity check for table '" + table + "'; known tables: " + reconciler.tables()));
    }
}
