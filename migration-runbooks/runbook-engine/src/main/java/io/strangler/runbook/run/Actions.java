package io.strangler.runbook.run;

import io.strangler.runbook.definition.Steps;
import io.strangler.runbook.port.DataSync;
import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.RouteFlags;
import java.time.Duration;

/**
 * set-route and set-ownership. Idempotent by construction: each reads the current value first and changes nothing
 * when it is already the target, so re-running a step whose completion was not recorded (engine stopped in between)
 * never applies it twice.
 */
class Actions {

    /** How long an action keeps retrying a peer that is down or a route that others keep changing. */
    static final Duration ACTION_TIMEOUT = Duration.ofMinutes(2);

    private final RouteFlags flags;
    private final DataSync sync;

    Actions(RouteFlags flags, DataSync sync) {
        this.flags = flags;
        this.sync = sync;
    }

    StepResult setRoute(Steps.SetRoute step, StepContext ctx) {
        try {
            RouteFlags.RouteSetting before = flags.current(step.route());
            if (before.is(step.mode(), step.percent())) {
                return new StepResult.Passed("route " + step.route() + " already " + describe(before)
                        + "; nothing changed", Evidence.of("before", before).and("after", before)
                        .and("applied", false).map());
            }
            if (before.killSwitch() && !step.mode().equals("LEGACY")) {
                // an operator pulled the kill switch: a runbook must not override that decision
                return new StepResult.Failed("route " + step.route() + " has its kill switch on; release it in the "
                        + "flag console first", Evidence.of("before", before).and("applied", false).map());
            }
            RouteFlags.RouteSetting after = flags.change(step.route(), step.mode(), step.percent(), before.killSwitch(),
                    before.version(), ctx.reason(step.id()));
            return new StepResult.Passed("route " + step.route() + ": " + describe(before) + " -> " + describe(after),
                    Evidence.of("before", before).and("after", after).and("applied", true).map());
        } catch (RouteFlags.StaleVersionException raced) {
            // someone changed the route between our read and write: read again on the next evaluation
            return Checks.retryOrFail(ACTION_TIMEOUT, ctx, raced);
        } catch (PortException e) {
            return Checks.retryOrFail(ACTION_TIMEOUT, ctx, e);
        }
    }

    StepResult setOwnership(Steps.SetOwnership step, StepContext ctx) {
        try {
            String before = sync.owner(step.table());
            if (before.equals(step.owner())) {
                return new StepResult.Passed("table " + step.table() + " already owned by " + before
                        + "; nothing changed", Evidence.of("before", before).and("after", before)
                        .and("applied", false).map());
            }
            sync.changeOwner(step.table(), step.owner());
            return new StepResult.Passed("table " + step.table() + ": owner " + before + " -> " + step.owner(),
                    Evidence.of("before", before).and("after", step.owner()).and("applied", true).map());
        } catch (PortException e) {
            return Checks.retryOrFail(ACTION_TIMEOUT, ctx, e);
        }
    }

    private static String describe(RouteFlags.RouteSetting setting) {
        boolean percentMatters = setting.mode().equals("SHADOW") || setting.mode().equals("CANARY");
        return setting.mode() + (percentMatters ? " " + setting.percent() + " %" : "");
    }
}
