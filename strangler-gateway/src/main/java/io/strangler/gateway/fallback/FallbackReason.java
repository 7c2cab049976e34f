package io.strangler.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Why a request to the new backend was answered by legacy. */
public enum FallbackReason {
    SERVER_ERROR, TIMEOUT, CIRCUIT_OPEN, CONNECTION_ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FallbackReason of(Throwable error) {
        if (error instanceof NewBackendCall.NewBackendServerError) {
            return SERVER_ERROR;
        }
        if (error instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (error instanceof CallNotPermittedException) {
            return CIRCUIT_OPEN;
        }
        return CONNECTION_ERROR;
    }
}
