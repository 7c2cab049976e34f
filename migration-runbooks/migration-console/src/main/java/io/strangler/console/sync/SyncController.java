package io.strangler.console.sync;

import io.strangler.console.peers.CdcSync;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data sync panel: cdc-sync's status (captures, appliers, ownership, lag per table and direction, outcome counts
 * incl. the dead-letter queue) and its last parity report per table, in one answer.
 */
@RestController
@RequestMapping("/api/sync")
class SyncController {

    private final CdcSync cdc;

    SyncController(CdcSync cdc) {
        this.cdc = cdc;
    }

    @GetMapping
    Map<String, Object> sync() {
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("status", cdc.status());
        sync.put("parity", cdc.parity());
        return sync;
    }
}
