package io.strangler.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.runbook.definition.Steps;
import io.strangler.runbook.port.DataSync;
import io.strangler.runbook.port.RouteFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ActionsTest {

    private final List<String> changes = new ArrayList<>();
    private RouteFlags.RouteSetting current = new RouteFlags.RouteSetting("catalog", "LEGACY", 0, false, 3);

    private final RouteFlags flags = new RouteFlags() {
        @Override
        public RouteSetting current(String routeId) {
            return current;
        }

        @Override
        public RouteSetting change(String routeId, String mode, double percent, boolean killSwitch, long version,
                                   String reason) {
            changes.add(mode + " " + percent + " kill=" + killSwitch + " v" + version);
            current = new RouteSetting(routeId, mode, percent, killSwitch, version + 1);
            return current;
        }
    };
    private final Actions actions = new Actions(flags, (DataSync) null);
    private final StepContext ctx = new StepContext(UUID.randomUUID(), "test", Instant.now(), Instant.now(),
            JsonMapper.builder().build().missingNode());

    @Test
    void shouldChangeTheRouteFromTheVersionItRead() {
        StepResult result = actions.setRoute(new Steps.SetRoute("c5", null, "catalog", "CANARY", 5.0), ctx);

        assertThat(result).isInstanceOf(StepResult.Passed.class);
        assertThat(changes).containsExactly("CANARY 5.0 kill=false v3");
    }

    @Test
    void shouldChangeNothingWhenTheRouteIsAlreadySo() {
        current = new RouteFlags.RouteSetting("catalog", "CANARY", 5, false, 4);

        StepResult result = actions.setRoute(new Steps.SetRoute("c5", null, "catalog", "CANARY", 5.0), ctx);

        assertThat(result).isInstanceOf(StepResult.Passed.class);
        assertThat(result.evidence()).containsEntry("applied", false);
        assertThat(changes).isEmpty();
    }

    @Test
    void shouldNotOverrideAnOperatorsKillSwitchButKeepItWhenRollingBack() {
        current = new RouteFlags.RouteSetting("catalog", "CANARY", 5, true, 4);

        StepResult forward = actions.setRoute(new Steps.SetRoute("new", null, "catalog", "NEW", null), ctx);
        StepResult back = actions.setRoute(new Steps.SetRoute("back", null, "catalog", "LEGACY", null), ctx);

        assertThat(forward).isInstanceOf(StepResult.Failed.class);
        assertThat(forward.outcome()).contains("kill switch");
        assertThat(back).isInstanceOf(StepResult.Passed.class);
        assertThat(changes).containsExactly("LEGACY 0.0 kill=true v4");
    }
}
