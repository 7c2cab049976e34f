package io.strangler.gateway.route;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.util.unit.DataSize;

/**
 * How a route mirrors requests to its new backend in SHADOW mode and compares the responses.
 *
 * @param samplePercent   overrides the flag's sample rate when set (0-100)
 * @param methods         methods mirrored (default GET, HEAD); a write method needs {@code dryRunWrites}
 * @param dryRunWrites    allow mirroring writes; each copy carries {@code dryRunHeader: true}, which the new service
 *                        must honour by not persisting. Never on by default
 * @param dryRunHeader    default {@code X-Strangler-Dry-Run}
 * @param timeout         time limit of a shadow call (default 2 s)
 * @param maxConcurrent   shadow calls in flight per route; more are dropped and counted (default 16)
 * @param maxRate         shadow calls started per second per route and gateway instance; more are dropped and
 *                        counted (default 200). A dark launch needs a few thousand pairs, not every request: the
 *                        ceiling keeps a 100 % sample at production volume from taking the primary path's CPU (and
 *                        from loading the new service with a full copy of production traffic)
 * @param ignorePaths     JSON paths never compared, e.g. {@code $.generatedAt}, {@code $.items[*].etag}
 * @param comparedHeaders response headers compared (default Content-Type)
 * @param redactFields    JSON field names masked in stored samples, e.g. {@code email}
 * @param learnNoise      also send the copy to legacy a second time; fields that differ between the two legacy
 *                        responses are noise and ignored from then on (as Diffy does)
 * @param maxBodySize     bodies larger than this are not compared (default 256KB)
 */
public record ShadowPolicy(Double samplePercent, List<String> methods, boolean dryRunWrites, String dryRunHeader,
                           Duration timeout, Integer maxConcurrent, Integer maxRate, List<String> ignorePaths,
                           List<String> comparedHeaders, List<String> redactFields, boolean learnNoise,
                           DataSize maxBodySize) {

    public ShadowPolicy {
        methods = methods == null || methods.isEmpty() ? List.of("GET", "HEAD")
                : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        dryRunHeader = dryRunHeader == null ? "X-Strangler-Dry-Run" : dryRunHeader;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        maxConcurrent = maxConcurrent == null ? 16 : maxConcurrent;
        maxRate = maxRate == null ? DEFAULT_MAX_RATE : maxRate;
        ignorePaths = ignorePaths == null ? List.of() : List.copyOf(ignorePaths);
        comparedHeaders = comparedHeaders == null ? List.of("Content-Type") : List.copyOf(comparedHeaders);
        redactFields = redactFields == null ? List.of() : List.copyOf(redactFields);
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
    }

    /** Shadow calls per second per route when {@code max-rate} is not set. */
    public static final int DEFAULT_MAX_RATE = 200;

    static ShadowPolicy defaults() {
        return new ShadowPolicy(null, null, false, null, null, null, null, null, null, null, false, null);
    }

    void validate(String at) {
        methods.forEach(method -> RouteProperties.requireMethod(method, at + ".methods"));
        List<String> writes = methods.stream().filter(m -> !isSafe(m)).toList();
        if (!writes.isEmpty() && !dryRunWrites) {
            throw new IllegalArgumentException(at + ".methods: mirroring " + writes + " would repeat writes on the new"
                    + " service; set " + at + ".dry-run-writes: true only if it honours the " + dryRunHeader + " header");
        }
        if (samplePercent != null && (samplePercent < 0 || samplePercent > 100)) {
            throw new IllegalArgumentException(at + ".sample-percent must be 0..100, got " + samplePercent);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(at + ".timeout must be positive, got " + timeout);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(at + ".max-concurrent must be at least 1, got " + maxConcurrent);
        }
        if (maxRate < 1) {
            throw new IllegalArgumentException(at + ".max-rate must be at least 1 (shadow calls per second), got "
                    + maxRate);
        }
        ignorePaths.forEach(path -> {
            if (!path.startsWith("$")) {
                throw new IllegalArgumentException(at + ".ignore-paths: '" + path + "' must be a JSON path starting with $");
            }
        });
    }

    public static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
