package io.strangler.runbook.run;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The engine's one JSON mapper, for inputs and evidence. */
final class JsonText {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonText() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static JsonNode read(String json) {
        return json == null ? MAPPER.missingNode() : MAPPER.readTree(json);
    }
}
