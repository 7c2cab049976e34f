package io.strangler.runbook.definition;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.NodeReader;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a runbook from YAML and validates it against the published schema ({@link #SCHEMA_RESOURCE}) with networknt
 * json-schema-validator; every error names its line, field and what is accepted. Thread-safe.
 */
public final class RunbookParser {

    /** Class-path location of the JSON Schema every runbook must satisfy. */
    public static final String SCHEMA_RESOURCE = "io/strangler/runbook/runbook.schema.json";

    private final NodeReader reader = NodeReader.builder().locationAware().build();
    private final Schema schema;
    private final JsonMapper mapper;

    public RunbookParser() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_PATH).locale(Locale.ENGLISH).build()));
        this.schema = registry.getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE));
        this.mapper = JsonMapper.builder()
                .addModule(new SimpleModule().addDeserializer(Duration.class, new DurationText()))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** @return the schema's text, as published */
    public static String schemaText() {
        try (InputStream in = RunbookParser.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source a name for messages (the file name)
     * @param yaml   the runbook's text
     * @return the runbook, never null
     * @throws InvalidRunbookException listing every error when the text is not a valid runbook
     */
    public Runbook parse(String source, String yaml) {
        JsonNode tree = read(source, yaml);
        List<RunbookError> errors = new ArrayList<>(schema.validate(tree).stream().map(RunbookParser::toError)
                .sorted(Comparator.comparingInt(RunbookError::line)).toList());
        if (errors.isEmpty()) {
            errors.addAll(duplicateIds(tree));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRunbookException(source, errors);
        }
        return mapper.treeToValue(tree, Runbook.class);
    }

    private JsonNode read(String source, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidRunbookException(source, List.of(new RunbookError(0, 0, "$",
                    "the file is empty; a runbook needs at least 'name' and 'capabilities'")));
        }
        try {
            JsonNode tree = reader.readTree(yaml, InputFormat.YAML);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new InvalidRunbookException(source, List.of(new RunbookError(0, 0, "$",
                        "the file holds no YAML document; a runbook needs at least 'name' and 'capabilities'")));
            }
            return tree;
        } catch (JacksonException notYaml) {
            TokenStreamLocation at = notYaml.getLocation();
            throw new InvalidRunbookException(source, List.of(new RunbookError(at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "$", "not valid YAML: " + notYaml.getOriginalMessage())));
        }
    }

    private static RunbookError toError(Error error) {
        TokenStreamLocation at = error.getInstanceNode() instanceof TokenStreamLocationAware aware
                ? aware.tokenStreamLocation() : null;
        String path = error.getInstanceLocation().toString();
        String message = error.getMessage();
        if (message.startsWith(path + ": ")) {
            message = message.substring(path.length() + 2);
        }
        return new RunbookError(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), path, message);
    }

    // the one rule JSON Schema cannot express: step ids are unique across the whole runbook
    private static List<RunbookError> duplicateIds(JsonNode tree) {
        List<RunbookError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode capabilities = tree.get("capabilities");
        for (int c = 0; c < capabilities.size(); c++) {
            for (String section : List.of("steps", "rollback")) {
                JsonNode steps = capabilities.get(c).path(section);
                for (int s = 0; s < steps.size(); s++) {
                    JsonNode id = steps.get(s).get("id");
                    if (!seen.add(id.asString())) {
                        TokenStreamLocation at = id instanceof TokenStreamLocationAware aware ? aware.tokenStreamLocation() : null;
                        errors.add(new RunbookError(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                                "$.capabilities[" + c + "]." + section + "[" + s + "].id",
                                "step id '" + id.asString() + "' is used twice; step ids must be unique in a runbook"));
                    }
                }
            }
        }
        return errors;
    }

    /** {@code 30s}, {@code 5m}: the schema has already checked the form. */
    private static final class DurationText extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            return DurationStyle.SIMPLE.parse(parser.getString());
        }
    }
}
