package io.strangler.gateway.mode;

/** How the gateway splits one route's traffic between its legacy and new backends. */
public enum TrafficMode {

    /** Everything to legacy. */
    LEGACY,

    /** Legacy serves; a sample is copied to new and the responses are compared. */
    SHADOW,

    /** A sticky share of callers to new, the rest to legacy. */
    CANARY,

    /** Everything to new; safe requests fall back to legacy when new fails. */
    NEW
}
