package io.strangler.runbook.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a runbook, as validated against {@code runbook.schema.json}. The {@code kind} property of the YAML picks
 * the record; {@link #id()} is unique within its runbook.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Steps.ParityCheck.class, name = "check-parity"),
        @JsonSubTypes.Type(value = Steps.LagCheck.class, name = "check-cdc-lag"),
        @JsonSubTypes.Type(value = Steps.HealthCheck.class, name = "check-health"),
        @JsonSubTypes.Type(value = Steps.SetRoute.class, name = "set-route"),
        @JsonSubTypes.Type(value = Steps.SetOwnership.class, name = "set-ownership"),
        @JsonSubTypes.Type(value = Steps.ShadowGate.class, name = "gate-shadow"),
        @JsonSubTypes.Type(value = Steps.CanaryGate.class, name = "gate-canary"),
        @JsonSubTypes.Type(value = Steps.LegacyIdleGate.class, name = "gate-legacy-idle"),
        @JsonSubTypes.Type(value = Steps.Approval.class, name = "approval"),
        @JsonSubTypes.Type(value = Steps.Wait.class, name = "wait")})
public sealed interface Step permits Steps.ParityCheck, Steps.LagCheck, Steps.HealthCheck, Steps.SetRoute,
        Steps.SetOwnership, Steps.ShadowGate, Steps.CanaryGate, Steps.LegacyIdleGate, Steps.Approval, Steps.Wait {

    /** @return the step's id, unique in its runbook, never null */
    String id();

    /** @return what the step is for, in the runbook author's words; may be null */
    String description();

    /** @return the {@code kind} of the YAML, e.g. {@code set-route} */
    default String kind() {
        return getClass().getAnnotation(StepKind.class).value();
    }

    /** @return a one-line summary a person can follow, e.g. {@code set route catalog to CANARY 5%} */
    String summary();
}
