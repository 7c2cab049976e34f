package io.strangler.cdc.status;

import io.strangler.cdc.SyncRuntime;
import io.strangler.cdc.apply.ChangeApplier.ApplierState;
import io.strangler.cdc.capture.CaptureState;
import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.TableOwnership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/status}: captures, appliers, ownership, and per table and direction counts and lag. */
@RestController
class StatusController {

    private final SyncRuntime runtime;
    private final TableOwnership ownership;
    private final SyncMetrics metrics;

    StatusController(SyncRuntime runtime, TableOwnership ownership, SyncMetrics metrics) {
        this.runtime = runtime;
        this.ownership = ownership;
        this.metrics = metrics;
    }

    @GetMapping("/api/status")
    SyncStatus status() {
        Map<String, CaptureState> captures = new LinkedHashMap<>();
        runtime.captures().forEach(c -> captures.put(c.name(), c.state()));
        List<ApplierState> appliers = runtime.appliers().stream().map(a -> a.state()).toList();
        return new SyncStatus(captures, appliers, ownership.all(), metrics.figures());
    }

    record SyncStatus(Map<String, CaptureState> captures, List<ApplierState> appliers, Map<String, Ownership> ownership,
            List<SyncMetrics.TableFigures> tables) {
    }
}
