package io.strangler.runbook.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds evidence maps in insertion order (nulls allowed, unlike {@code Map.of}). */
final class Evidence {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Evidence of(String key, Object value) {
        return new Evidence().and(key, value);
    }

    Evidence and(String key, Object value) {
        values.put(key, value);
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
