package io.strangler.gateway.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Masks the values of configured JSON field names (any depth, case-insensitive) before anything is stored. */
final class Redactor {

    static final String MASK = "***";

    private final Set<String> fields;

    Redactor(List<String> fields) {
        this.fields = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean isSensitive(List<String> path) {
        return path.stream().anyMatch(segment -> fields.contains(segment.toLowerCase(Locale.ROOT)));
    }

    /** A redacted copy; the argument is left alone. */
    JsonNode redact(JsonNode node) {
        if (node == null || fields.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.properties().stream().map(java.util.Map.Entry::getKey).toList())) {
                if (fields.contains(name.toLowerCase(Locale.ROOT))) {
                    object.put(name, MASK);
                } else {
                    mask(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::mask);
        }
    }
}
