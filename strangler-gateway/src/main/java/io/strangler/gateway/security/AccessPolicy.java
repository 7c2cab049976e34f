package io.strangler.gateway.security;

import java.util.Arrays;
import java.util.Locale;

/** What a caller needs to pass a route: nothing, a valid token, or a valid token with a scope. */
public enum AccessPolicy {
    /** Anyone; a token that is sent must still be valid. */
    PUBLIC,
    /** A valid bearer token. */
    AUTHENTICATED,
    /** A valid bearer token whose {@code scope} (or {@code scp}) claim holds the rule's scope. */
    SCOPE;

    /** Parses {@code public | authenticated | scope}, naming {@code key} and the accepted values when it fails. */
    static AccessPolicy parse(String value, String key) {
        return Arrays.stream(values()).filter(policy -> policy.label().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key + ": unknown policy '" + value
                        + "'; accepted: public, authenticated, scope"));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
