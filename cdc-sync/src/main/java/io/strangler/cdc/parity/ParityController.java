package io.strangler.cdc.parity;

import io.strangler.cdc.web.ApiProblem;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/parity}: the last report per table; {@code POST /api/parity/{table}}: compare now;
 * {@code POST /api/parity/{table}/repair}: compare and send the differing source rows again;
 * {@code POST /api/parity/{table}/runs}: compare in the background, {@code GET /api/parity/{table}/run}: its progress,
 * {@code DELETE /api/parity/{table}/run}: cancel it.
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

    @PostMapping("/api/parity/{table}/runs")
    ResponseEntity<ParityProgress.Status> startRun(@PathVariable String table) {
        ParityProgress run = reconciler.start(table).orElseThrow(() -> unknown(table));
        return ResponseEntity.accepted().body(run.status());
    }

    @GetMapping("/api/parity/{table}/run")
    ParityProgress.Status run(@PathVariable String table) {
        return reconciler.progress(table).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "no-parity-run",
                "No parity run of '" + table + "' since start; start one with POST /api/parity/" + table + "/runs"))
                .status();
    }

    @DeleteMapping("/api/parity/{table}/run")
    ResponseEntity<ParityProgress.Status> cancelRun(@PathVariable String table) {
        ParityProgress run = reconciler.progress(table).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "no-parity-run", "No parity run of '" + table + "' to cancel"));
        run.cancel();
        return ResponseEntity.accepted().body(run.status());
    }

    private ApiProblem unknown(String table) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-table",
                "No parity check for table '" + table + "'; known tables: " + reconciler.tables());
    }

    @PostMapping("/api/parity/{table}/repair")
    ParityReconciler.Repair repair(@PathVariable String table) throws SQLException {
        return reconciler.repair(table).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "unknown-table",
                "No parity check for table '" + table + "'; known tables: " + reconciler.tables()));
    }
}
