package io.strangler.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.gateway.route.ShadowPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ShadowComparatorTest {

    @Test
    void shouldMatchEqualJsonWhateverTheKeyOrder() {
        var comparison = comparator(List.of(), List.of(), false)
                .compare("GET", "/p", json("{\"a\":1,\"b\":2}"), json("{\"b\":2,\"a\":1}"), null);
        assertThat(comparison.matches()).isTrue();
    }

    @Test
    void shouldReportEachDifferingJsonPath() {
        var comparison = comparator(List.of(), List.of(), false).compare("GET", "/p",
                json("{\"id\":1,\"items\":[{\"price\":10}],\"generatedAt\":\"t1\"}"),
                json("{\"id\":1,\"items\":[{\"price\":11}],\"generatedAt\":\"t2\"}"), null);
        assertThat(comparison.differences()).extracting(ShadowComparison.Difference::path)
                .containsExactlyInAnyOrder("$.items[0].price", "$.generatedAt");
    }

    @Test
    void shouldNotReportPathsCoveredByIgnoreRules() {
        var comparison = comparator(List.of("$.generatedAt", "$.items[*].price"), List.of(), false).compare("GET", "/p",
                json("{\"id\":1,\"items\":[{\"price\":10}],\"generatedAt\":\"t1\"}"),
                json("{\"id\":1,\"items\":[{\"price\":11}],\"generatedAt\":\"t2\"}"), null);
        assertThat(comparison.matches()).isTrue();
        assertThat(comparison.ignored()).isEqualTo(2);
    }

    @Test
    void shouldReportDifferentStatusAndComparedHeaders() {
        var legacy = new CapturedResponse(200, headers("application/json"), bytes("{}"), false);
        var candidate = new CapturedResponse(404, headers("text/plain"), bytes("{}"), false);
        var comparison = comparator(List.of(), List.of(), false).compare("GET", "/p", legacy, candidate, null);
        assertThat(comparison.differences()).extracting(ShadowComparison.Difference::kind)
                .containsExactlyInAnyOrder("status", "header");
    }

    @Test
    void shouldTreatWhatDiffersBetweenTwoLegacyResponsesAsNoise() {
        ShadowComparator comparator = comparator(List.of(), List.of(), true);
        var first = comparator.compare("GET", "/p", json("{\"id\":1,\"requestId\":\"x\"}"),
                json("{\"id\":1,\"requestId\":\"z\"}"), json("{\"id\":1,\"requestId\":\"y\"}"));
        assertThat(first.matches()).isTrue();
        var later = comparator.compare("GET", "/p", json("{\"id\":1,\"requestId\":\"a\"}"),
                json("{\"id\":2,\"requestId\":\"b\"}"), null);
        assertThat(later.differences()).extracting(ShadowComparison.Difference::path).containsExactly("$.id");
    }

    @Test
    void shouldMaskSensitiveFieldsInReportedValues() {
        var comparison = comparator(List.of(), List.of("email"), false).compare("GET", "/p",
                json("{\"customer\":{\"email\":\"a@x.org\",\"name\":\"A\"}}"),
                json("{\"customer\":{\"email\":\"b@x.org\",\"name\":\"B\"}}"), null);
        assertThat(comparison.differences()).allSatisfy(difference -> {
            assertThat(difference.legacyValue()).doesNotContain("a@x.org");
            assertThat(difference.newValue()).doesNotContain("b@x.org");
        });
    }

    @Test
    void shouldCompareNonJsonBodiesByteForByte() {
        var comparison = comparator(List.of(), List.of(), false).compare("GET", "/p",
                new CapturedResponse(200, headers("text/plain"), bytes("hello"), false),
                new CapturedResponse(200, headers("text/plain"), bytes("hullo"), false), null);
        assertThat(comparison.differences()).extracting(ShadowComparison.Difference::path).containsExactly("$");
    }

    @Test
    void shouldMatchTheSameBytesAndStillReportADifferentStatus() {
        var legacy = json("{\"id\":1}");
        assertThat(ShadowComparator.sameBody(legacy, json("{\"id\":1}"))).isTrue();
        assertThat(comparator(List.of(), List.of(), false).compare("GET", "/p", legacy, json("{\"id\":1}"), null)
                .matches()).isTrue();
        var missing = new CapturedResponse(404, headers("application/json"), bytes("{\"id\":1}"), false);
        assertThat(comparator(List.of(), List.of(), false).compare("GET", "/p", legacy, missing, null).differences())
                .extracting(ShadowComparison.Difference::kind).containsExactly("status");
    }

    @Test
    void shouldNotTakeTheSameBytesUnderAnotherContentEncodingForTheSameBody() throws Exception {
        HttpHeaders gzip = headers("application/json");
        gzip.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        var legacy = new CapturedResponse(200, gzip, gzip("{\"id\":1}"), false);
        var candidate = new CapturedResponse(200, headers("application/json"), gzip("{\"id\":1}"), false);
        assertThat(ShadowComparator.sameBody(legacy, candidate)).isFalse();
        assertThat(comparator(List.of(), List.of(), false).compare("GET", "/p", legacy, candidate, null).differences())
                .extracting(ShadowComparison.Difference::path).containsExactly("$");
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(bytes(text));
        }
        return out.toByteArray();
    }

    private static ShadowComparator comparator(List<String> ignore, List<String> redact, boolean learnNoise) {
        var policy = new ShadowPolicy(null, null, false, null, null, null, null, ignore, null, redact, learnNoise, null);
        return new ShadowComparator("catalog", policy, Clock.systemUTC());
    }

    private static CapturedResponse json(String body) {
        return new CapturedResponse(200, headers("application/json"), bytes(body), false);
    }

    private static HttpHeaders headers(String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
