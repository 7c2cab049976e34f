package io.strangler.gateway.shadow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.mode.TrafficMode;
import io.strangler.gateway.shadow.ShadowStats.Result;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ShadowIT extends GatewayITBase {

    @Autowired
    private ShadowMirror mirror;

    @Test
    void shouldAnswerWithLegacysResponseAndCopyTheRequestToNew() {
        stub("{\"id\":1,\"name\":\"Mug\"}", "{\"id\":1,\"name\":\"Mug\"}");
        mode("catalog", TrafficMode.SHADOW, 100);
        long matched = mirror.stats("catalog").total(Result.MATCH);
        client.get().uri("/api/products/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Strangler-Backend", "legacy")
                .expectBody(String.class).isEqualTo("{\"id\":1,\"name\":\"Mug\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mirror.stats("catalog").total(Result.MATCH)).isEqualTo(matched + 1));
        Backends.NEW.verify(getRequestedFor(urlEqualTo("/api/products/1")).withHeader(ShadowMirror.SHADOW_HEADER, equalTo("true")));
    }

    @Test
    void shouldRecordAMismatchWithTheDifferingPathAndRedactedValues() {
        stub("{\"id\":1,\"price\":10,\"email\":\"a@x.org\"}", "{\"id\":1,\"price\":12,\"email\":\"b@x.org\"}");
        mode("catalog", TrafficMode.SHADOW, 100);
        long mismatched = mirror.stats("catalog").total(Result.MISMATCH);
        client.get().uri("/api/products/2").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mirror.stats("catalog").total(Result.MISMATCH)).isEqualTo(mismatched + 1));
        ShadowReport report = mirror.stats("catalog").report(10, Duration.ofMinutes(5));
        assertThat(report.topDifferingPathsSinceStart()).as(report.toString()).extracting(ShadowReport.PathCount::path).contains("$.price", "$.email");
        ShadowSample sample = report.recentMismatches().get(0);
        assertThat(sample.legacyBody()).doesNotContain("a@x.org");
        assertThat(sample.newBody()).doesNotContain("b@x.org");
        assertThat(sample.comparison().differences()).filteredOn(d -> d.path().equals("$.email"))
                .allSatisfy(d -> assertThat(d.newValue()).isEqualTo("***"));
    }

    @Test
    void shouldNotCountDifferencesCoveredByIgnoreRulesAsMismatches() {
        stub("{\"id\":3,\"generatedAt\":\"2024-01-01T00:00:00Z\"}", "{\"id\":3,\"generatedAt\":\"2025-06-01T10:00:00Z\"}");
        mode("catalog", TrafficMode.SHADOW, 100);
        long matched = mirror.stats("catalog").total(Result.MATCH);
        client.get().uri("/api/products/3").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mirror.stats("catalog").total(Result.MATCH)).isEqualTo(matched + 1));
    }

    @Test
    void shouldAnswerBeforeASlowShadowCopyCompletes() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":4}")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":4}")
                .withFixedDelay(3_000)));
        mode("slow-shadow", TrafficMode.SHADOW, 100);
        ShadowStats stats = mirror.stats("slow-shadow");
        long compared = stats.total(Result.MATCH) + stats.total(Result.MISMATCH);
        client.get().uri("/api/slow/4").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("{\"id\":4}");
        // the client has legacy's answer while the copy is still waiting on new
        assertThat(stats.total(Result.MATCH) + stats.total(Result.MISMATCH)).isEqualTo(compared);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(stats.total(Result.MATCH)).isEqualTo(compared + 1));
    }

    @Test
    void shouldSendTheCopyOnlyOnceLegacyHasAnswered() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":6}")
                .withFixedDelay(500)));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":6}")));
        mode("catalog", TrafficMode.SHADOW, 100);
        client.get().uri("/api/products/6").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Backends.NEW.findAll(getRequestedFor(urlEqualTo("/api/products/6")))).hasSize(1));
        long legacyReceived = Backends.LEGACY.findAll(getRequestedFor(urlEqualTo("/api/products/6"))).get(0)
                .getLoggedDate().getTime();
        long copyReceived = Backends.NEW.findAll(getRequestedFor(urlEqualTo("/api/products/6"))).get(0)
                .getLoggedDate().getTime();
        // the copy leaves after legacy's answer (held back 500 ms by the stub), never alongside the client's request
        assertThat(copyReceived).isGreaterThanOrEqualTo(legacyReceived + 500);
    }

    @Test
    void shouldDropAndCountCopiesBeyondTheRoutesCapacity() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3_000)));
        mode("slow-shadow", TrafficMode.SHADOW, 100);
        ShadowStats stats = mirror.stats("slow-shadow");
        await().atMost(Duration.ofSeconds(15)).until(() -> Backends.NEW.findAll(anyRequestedFor(anyUrl())).isEmpty());
        long dropped = stats.total(Result.DROPPED);
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/slow/" + i).exchange().expectStatus().isOk();
        }
        // one copy in flight at most: the first holds the only permit for 3 s
        assertThat(stats.total(Result.DROPPED)).isGreaterThanOrEqualTo(dropped + 3);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(Backends.NEW.findAll(anyRequestedFor(anyUrl()))).hasSize(1));
    }

    @Test
    void shouldDropAndCountCopiesBeyondTheRoutesRate() {
        stub("{}", "{}");
        mode("rated-shadow", TrafficMode.SHADOW, 100);
        ShadowStats stats = mirror.stats("rated-shadow");
        long dropped = stats.total(Result.DROPPED);
        long compared = stats.total(Result.MATCH);
        int requests = 20;
        for (int i = 0; i < requests; i++) {
            client.get().uri("/api/rated/" + i).exchange().expectStatus().isOk();
        }
        // one copy a second: twenty quick requests cannot all be mirrored; each is either copied or counted dropped
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                stats.total(Result.DROPPED) - dropped + stats.total(Result.MATCH) - compared).isEqualTo(requests));
        assertThat(stats.total(Result.DROPPED) - dropped).isPositive();
        assertThat(Backends.NEW.findAll(anyRequestedFor(anyUrl()))).hasSize((int) (stats.total(Result.MATCH) - compared));
    }

    @Test
    void shouldLearnThatFieldsDifferingBetweenTwoLegacyAnswersAreNoise() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":5,\"token\":\"{{randomValue length=12 type='ALPHANUMERIC'}}\"}")
                .withTransformers("response-template")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":5,\"token\":\"fixed\"}")));
        mode("noisy", TrafficMode.SHADOW, 100);
        long matched = mirror.stats("noisy").total(Result.MATCH);
        client.get().uri("/api/noisy/5").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mirror.stats("noisy").total(Result.MATCH)).isEqualTo(matched + 1));
    }

    @Test
    void shouldMirrorAWriteWithTheDryRunHeaderWhenTheRouteOptsIntoDryRunWrites() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":7,\"by\":\"legacy\"}")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":8,\"by\":\"new\"}")));
        mode("carts", TrafficMode.SHADOW, 100);
        String cart = "{\"item\":\"mug\",\"quantity\":2}";
        client.post().uri("/api/carts").header("Content-Type", "application/json").bodyValue(cart).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Strangler-Backend", "legacy")
                .expectBody(String.class).isEqualTo("{\"id\":7,\"by\":\"legacy\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Backends.NEW.verify(1, postRequestedFor(urlEqualTo("/api/carts"))
                        .withHeader("X-Strangler-Dry-Run", equalTo("true"))
                        .withHeader(ShadowMirror.SHADOW_HEADER, equalTo("true"))
                        .withRequestBody(equalToJson(cart))));
        Backends.LEGACY.verify(1, postRequestedFor(urlEqualTo("/api/carts"))
                .withoutHeader("X-Strangler-Dry-Run").withRequestBody(equalToJson(cart)));
    }

    /** The write-side counterpart of {@link #shouldMirrorAWriteWithTheDryRunHeaderWhenTheRouteOptsIntoDryRunWrites}. */
    @Test
    void shouldNotMirrorWritesByDefault() {
        stub("{}", "{}");
        mode("catalog", TrafficMode.SHADOW, 100);
        client.post().uri("/api/products").bodyValue("{\"name\":\"x\"}").exchange().expectStatus().isOk();
        client.get().uri("/api/products/1").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Backends.NEW.findAll(anyRequestedFor(anyUrl()))).hasSize(1));
        assertThat(Backends.NEW.findAll(anyRequestedFor(anyUrl()))).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
    }

    private static void stub(String legacyBody, String newBody) {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(legacyBody)));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(newBody)));
    }
}
