package io.strangler.flags.client;

/**
 * How a gateway routes the requests of one route. Shared vocabulary of the flag service, the flag client and the
 * gateway.
 */
public enum RouteMode {

    /** All traffic goes to the legacy backend. */
    LEGACY,

    /**
     * The legacy backend serves every request; a sample of {@link RouteState#percent()} % of the requests is copied
     * to the new backend and the responses are compared.
     */
    SHADOW,

    /** {@link RouteState#percent()} % of the callers (sticky) go to the new backend, the rest to legacy. */
    CANARY,

    /** All traffic goes to the new backend (safe requests may fall back to legacy on failure). */
    NEW;

    /** Whether {@link RouteState#percent()} means something in this mode. */
    public boolean usesPercent() {
        return this == SHADOW || this == CANARY;
    }
}
