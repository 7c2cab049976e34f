package io.strangler.gateway.canary;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A stickiness key's place among 10,000 buckets: MurmurHash3 (x86, 32 bit, seed 0, of the key's UTF-8 bytes)
 * modulo 10,000. A key goes to the new backend when its bucket is below the canary share in 1/100 %, so for a given
 * share the same key always lands on the same side, and raising the share only moves keys from legacy to new.
 */
public final class CanaryBucket {

    /** Number of buckets: one per 0.01 %. */
    public static final int BUCKETS = 10_000;

    private CanaryBucket() {
    }

    /** The bucket of a key, 0 to 9,999. */
    public static int of(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int hash = MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
        return (int) (Integer.toUnsignedLong(hash) % BUCKETS);
    }

    /** Whether a key goes to the new backend when {@code percentBuckets} of 10,000 buckets do. */
    public static boolean goesToNew(String key, int percentBuckets) {
        return of(key) < percentBuckets;
    }
}
