package io.strangler.gateway.shadow;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What differs between two responses of legacy to the same request is noise (timestamps, generated ids, ...): such
 * paths are ignored in later comparisons of the route, as Diffy does. Bounded to {@value #MAX_PATHS} paths.
 */
final class NoiseLearner {

    static final int MAX_PATHS = 500;

    private final Set<String> noisy = ConcurrentHashMap.newKeySet();

    /** Learns the differences between legacy and legacy again. */
    void learn(List<ShadowComparison.Difference> legacyVsLegacy) {
        for (ShadowComparison.Difference difference : legacyVsLegacy) {
            if (noisy.size() >= MAX_PATHS) {
                return;
            }
            // array positions do not matter: a noisy field of one item is noisy in every item
            noisy.add(key(difference.kind(), difference.path().replaceAll("\\[\\d+]", "[*]")));
        }
    }

    boolean isNoise(String kind, String normalizedPath) {
        return noisy.contains(key(kind, normalizedPath));
    }

    Set<String> learned() {
        return Set.copyOf(noisy);
    }

    private static String key(String kind, String path) {
        return kind + ' ' + path;
    }
}
