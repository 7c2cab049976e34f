package io.strangler.runbook.run;

import io.strangler.runbook.definition.Steps;
import io.strangler.runbook.port.DataSync;
import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.ServiceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** check-parity, check-cdc-lag, check-health: evaluated again until they pass or their timeout elapses. */
class Checks {

    private final DataSync sync;
    private final ServiceHealth health;

    Checks(DataSync sync, ServiceHealth health) {
        this.sync = sync;
        this.health = health;
    }

    StepResult parity(Steps.ParityCheck step, StepContext ctx) {
        int clean = ctx.lastEvidence().path("cleanRuns").asInt(0);
        String last = ctx.lastEvidence().path("lastComparedAt").asString(null);
        if (last != null && Duration.between(Instant.parse(last), ctx.now()).compareTo(step.every()) < 0) {
            return new StepResult.Waiting("next comparison of " + step.table() + " after " + step.every(),
                    mapOf(ctx.lastEvidence()));
        }
        DataSync.ParityResult result;
        try {
            result = sync.compare(step.table());
        } catch (PortException e) {
            return retryOrFail(step.timeout(), ctx, e);
        }
        boolean ok = result.parityPercent() >= step.minPercent();
        clean = ok ? clean + 1 : 0;
        Map<String, Object> evidence = Evidence.of("table", step.table()).and("parityPercent", result.parityPercent())
                .and("sourceRows", result.sourceRows()).and("targetRows", result.targetRows())
                .and("differingChunks", result.differingChunks()).and("differingKeys", result.differingKeys())
                .and("cleanRuns", clean).and("runsNeeded", step.runs()).and("lastComparedAt", ctx.now().toString())
                .map();
        String figures = step.table() + " parity " + result.parityPercent() + " % (" + result.sourceRows() + " vs "
                + result.targetRows() + " rows), " + clean + "/" + step.runs() + " clean runs";
        if (clean >= step.runs()) {
            return new StepResult.Passed(figures, evidence);
        }
        if (ctx.timedOut(step.timeout())) {
            return new StepResult.Failed("no " + step.runs() + " clean parity runs within " + step.timeout() + ": "
                    + figures, evidence);
        }
        return new StepResult.Waiting(figures, evidence);
    }

    StepResult lag(Steps.LagCheck step, StepContext ctx) {
        List<DataSync.TableLag> lags;
        try {
            lags = sync.lag().stream().filter(l -> step.tables().isEmpty() || step.tables().contains(l.table())).toList();
        } catch (PortException e) {
            return retryOrFail(step.timeout(), ctx, e);
        }
        List<String> tooSlow = lags.stream().filter(l -> l.p99Millis() > step.maxLagMillis())
                .map(l -> l.table() + " " + l.direction() + " p99 " + l.p99Millis() + " ms").toList();
        Map<String, Object> evidence = Evidence.of("maxLagMillis", step.maxLagMillis()).and("lags", lags)
                .and("overBound", tooSlow).map();
        if (tooSlow.isEmpty()) {
            return new StepResult.Passed("CDC lag p99 within " + step.maxLagMillis() + " ms on " + lags.size()
                    + " table directions", evidence);
        }
        if (ctx.timedOut(step.timeout())) {
            return new StepResult.Failed("CDC lag over " + step.maxLagMillis() + " ms for " + step.timeout() + ": "
                    + tooSlow, evidence);
        }
        return new StepResult.Waiting("CDC lag over bound: " + tooSlow, evidence);
    }

    StepResult health(Steps.HealthCheck step, StepContext ctx) {
        Map<String, String> statuses = new LinkedHashMap<>();
        step.services().forEach(service -> statuses.put(service, health.status(service)));
        List<String> notUp = statuses.entrySet().stream().filter(e -> !e.getValue().equals("UP"))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        Map<String, Object> evidence = Evidence.of("services", statuses).map();
        if (notUp.isEmpty()) {
            return new StepResult.Passed("all UP: " + String.join(", ", step.services()), evidence);
        }
        if (ctx.timedOut(step.timeout())) {
            return new StepResult.Failed("not UP after " + step.timeout() + ": " + notUp, evidence);
        }
        return new StepResult.Waiting("not UP yet: " + notUp, evidence);
    }

    static StepResult retryOrFail(Duration timeout, StepContext ctx, PortException e) {
        Map<String, Object> evidence = Evidence.of("error", e.getMessage()).map();
        if (ctx.timedOut(timeout)) {
            return new StepResult.Failed("gave up after " + timeout + ": " + e.getMessage(), evidence);
        }
        return new StepResult.Waiting("retrying: " + e.getMessage(), evidence);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(tools.jackson.databind.JsonNode node) {
        return node.isObject() ? JsonText.MAPPER.convertValue(node, Map.class) : Map.of();
    }
}
