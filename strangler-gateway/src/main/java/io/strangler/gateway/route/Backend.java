package io.strangler.gateway.route;

import java.util.Locale;
import java.util.Optional;

/** The two sides of a strangled route. */
public enum Backend {
    LEGACY, NEW;

    /** The value used in the backend response header and in metric tags. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Backend> parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "legacy" -> Optional.of(LEGACY);
            case "new" -> Optional.of(NEW);
            default -> Optional.empty();
        };
    }
}
