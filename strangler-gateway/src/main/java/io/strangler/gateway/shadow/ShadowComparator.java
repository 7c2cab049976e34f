package io.strangler.gateway.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import io.strangler.gateway.route.ShadowPolicy;
import io.strangler.gateway.shadow.ShadowComparison.Difference;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;

/**
 * Compares legacy's and new's responses to one request: status, the configured headers, and the body — JSON bodies
 * with zjsonpatch (RFC 6902 diff), less the route's ignore rules and learned noise; other bodies byte for byte.
 */
final class ShadowComparator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION,
            DiffFlags.OMIT_COPY_OPERATION, DiffFlags.ADD_ORIGINAL_VALUE_ON_REPLACE);
    private static final int MAX_VALUE_CHARS = 200;

    private final String routeId;
    private final ShadowPolicy policy;
    private final List<List<String>> ignoreRules;
    private final Redactor redactor;
    private final NoiseLearner noise = new NoiseLearner();
    private final Clock clock;

    ShadowComparator(String routeId, ShadowPolicy policy, Clock clock) {
        this.routeId = routeId;
        this.policy = policy;
        this.ignoreRules = policy.ignorePaths().stream().map(JsonPath::parse).toList();
        this.redactor = new Redactor(policy.redactFields());
        this.clock = clock;
    }

    /** Compares; {@code legacyAgain} (nullable) is a second legacy response to learn noise from first. */
    ShadowComparison compare(String method, String path, CapturedResponse legacy, CapturedResponse candidate,
                             CapturedResponse legacyAgain) {
        if (legacyAgain != null) {
            noise.learn(differences(legacy, legacyAgain, false).found());
        }
        Found found = differences(legacy, candidate, true);
        return new ShadowComparison(routeId, method, path, clock.instant(), legacy.status(), candidate.status(),
                found.found(), found.ignored());
    }

    /**
     * Whether two responses carry the same body bytes under the same content encoding: their bodies hold no
     * difference, and comparing them costs neither a parse nor a diff.
     */
    static boolean sameBody(CapturedResponse a, CapturedResponse b) {
        return Arrays.equals(a.body(), b.body()) && Objects.equals(a.headers().getFirst(HttpHeaders.CONTENT_ENCODING),
                b.headers().getFirst(HttpHeaders.CONTENT_ENCODING));
    }

    Redactor redactor() {
        return redactor;
    }

    NoiseLearner noise() {
        return noise;
    }

    private Found differences(CapturedResponse legacy, CapturedResponse candidate, boolean filter) {
        List<Difference> found = new ArrayList<>();
        int[] ignored = {0};
        if (legacy.status() != candidate.status()) {
            found.add(new Difference("status", "status", String.valueOf(legacy.status()), String.valueOf(candidate.status())));
        }
        for (String header : policy.comparedHeaders()) {
            String a = String.join(",", legacy.headers().getOrEmpty(header));
            String b = String.join(",", candidate.headers().getOrEmpty(header));
            if (!a.equals(b)) {
                if (filter && noise.isNoise("header", header)) {
                    ignored[0]++;
                } else {
                    found.add(new Difference("header", header, a.isEmpty() ? null : a, b.isEmpty() ? null : b));
                }
            }
        }
        if (sameBody(legacy, candidate)) {
            return new Found(found, ignored[0]);
        }
        byte[] legacyBody = legacy.decodedBody();
        byte[] candidateBody = candidate.decodedBody();
        if (Arrays.equals(legacyBody, candidateBody)) {
            // the same bytes hold no difference: neither parsed nor diffed (most pairs of a healthy dark launch)
            return new Found(found, ignored[0]);
        }
        JsonNode a = parse(legacyBody);
        JsonNode b = parse(candidateBody);
        if (a != null && b != null) {
            for (JsonNode op : JsonDiff.asJson(a, b, FLAGS)) {
                List<String> segments = JsonPath.fromPointer(op.path("path").asText());
                if (filter && isIgnored(segments)) {
                    ignored[0]++;
                    continue;
                }
                String pointer = op.path("path").asText();
                JsonNode before = "add".equals(op.path("op").asText()) ? null : a.at(pointer);
                JsonNode after = "remove".equals(op.path("op").asText()) ? null : op.get("value");
                found.add(new Difference("body", JsonPath.render(segments), value(segments, before), value(segments, after)));
            }
        } else {
            found.add(new Difference("body", "$", legacyBody.length + " bytes", candidateBody.length + " bytes"));
        }
        return new Found(found, ignored[0]);
    }

    private boolean isIgnored(List<String> segments) {
        if (ignoreRules.stream().anyMatch(rule -> JsonPath.covers(rule, segments))) {
            return true;
        }
        List<String> normalized = JsonPath.normalize(segments);
        for (int length = normalized.size(); length >= 0; length--) {
            if (noise.isNoise("body", JsonPath.render(normalized.subList(0, length)))) {
                return true;
            }
        }
        return false;
    }

    private String value(List<String> segments, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (redactor.isSensitive(segments)) {
            return Redactor.MASK;
        }
        String text = Objects.toString(redactor.redact(node));
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private record Found(List<Difference> found, int ignored) {
    }
}
