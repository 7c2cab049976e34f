package io.strangler.runbook.run;

import io.strangler.judge.MetricSource;
import io.strangler.runbook.port.DataSync;
import io.strangler.runbook.port.RouteFlags;
import io.strangler.runbook.port.RouteTraffic;
import io.strangler.runbook.port.ServiceHealth;
import java.util.Objects;

/**
 * The systems a run acts on and looks at; none may be null.
 *
 * @param flags   the flag service (set-route)
 * @param sync    cdc-sync (check-parity, check-cdc-lag, set-ownership)
 * @param traffic the gateway's comparison API (gate-shadow, gate-legacy-idle)
 * @param metrics the canary judge's samples (gate-canary)
 * @param health  the services' health (check-health)
 */
public record RunbookPorts(RouteFlags flags, DataSync sync, RouteTraffic traffic, MetricSource metrics,
                           ServiceHealth health) {

    public RunbookPorts {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
    }
}
