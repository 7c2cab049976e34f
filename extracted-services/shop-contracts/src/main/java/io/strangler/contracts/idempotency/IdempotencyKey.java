package io.strangler.contracts.idempotency;

import io.strangler.contracts.problem.ShopProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The contract's {@code Idempotency-Key} request header of create requests (docs/shop-api.md, "Orders"): its shape,
 * the replay header, and the hash a service stores beside a key to tell "same request" from "another body". How a
 * service serialises the request before hashing (and so what "same" means for it) stays the service's choice.
 */
public final class IdempotencyKey {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The response header, {@code true} on an answer replayed for a key seen before. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private IdempotencyKey() {
    }

    /**
     * Checks the header's shape, 1-200 visible ASCII characters; null means no header and passes.
     *
     * @throws ShopProblem {@code validation-failed} naming the header
     */
    public static void validate(String key) {
        if (key != null && !VISIBLE_ASCII.matcher(key).matches()) {
            throw ShopProblem.invalid(HEADER, "must be 1-200 visible ASCII characters");
        }
    }

    /** SHA-256 of the serialised request, as 64 lower-case hex digits. */
    public static String requestHash(byte[] serialisedRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(serialisedRequest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
