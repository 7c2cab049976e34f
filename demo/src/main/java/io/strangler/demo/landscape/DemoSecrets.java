package io.strangler.demo.landscape;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passwords the launcher generates for one run of the landscape (e.g. the flag console's operator): random, never
 * written to disk, printed once the landscape is ready so the person who started it can log in.
 *
 * <p>Thread-safe; the same name always gives the same secret within a run.
 */
public final class DemoSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> secrets = new TreeMap<>();

    /**
     * The secret called {@code name}, generated on first use (128 random bits, URL-safe Base64).
     *
     * @param name what the secret is for, as printed to the user (e.g. "flag console operator")
     */
    public synchronized String get(String name) {
        return secrets.computeIfAbsent(name, n -> {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    /** Every secret generated so far, by name. */
    public synchronized Map<String, String> generated() {
        return Map.copyOf(secrets);
    }
}
