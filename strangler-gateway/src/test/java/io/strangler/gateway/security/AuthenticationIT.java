package io.strangler.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import io.strangler.gateway.TestIssuer;
import io.strangler.gateway.mode.TrafficMode;
import io.strangler.gateway.shadow.ShadowMirror;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bearer tokens at the front door: each kind of bad token or missing grant is refused with a problem before any
 * backend is called, in every route mode; a valid caller's identity reaches whichever backend serves, and shadow copies.
 */
class AuthenticationIT extends GatewayITBase {

    private static final String SUBJECT = "X-Strangler-Subject";
    private static final String SCOPES = "X-Strangler-Scopes";

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"from\":\"legacy\"}")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"from\":\"legacy\"}")));
    }

    @ParameterizedTest
    @EnumSource(TrafficMode.class)
    void shouldAnswer401WithoutCallingABackendWhenAProtectedRouteGetsNoTokenInEveryMode(TrafficMode trafficMode) {
        mode("accounts", trafficMode, 100);
        WebTestClient.ResponseSpec response = client.get().uri("/api/accounts/1").exchange();
        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        expectProblem(response, 401, "/problems/unauthorized");
        assertNoBackendCalled();
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        String token = TestIssuer.sign(TestIssuer.claims("alice").issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build(), TestIssuer.KEY);
        expectInvalidToken(token).jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("expired"));
    }

    @Test
    void shouldAcceptATokenExpiredWithinTheClockSkew() {
        Instant now = Instant.now();
        String token = TestIssuer.sign(TestIssuer.claims("alice").issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.minus(Duration.ofSeconds(20)))).build(), TestIssuer.KEY);
        client.get().uri("/api/accounts/1").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldRefuseATokenWithoutExpiry() {
        expectInvalidToken(TestIssuer.sign(TestIssuer.claims("alice").expirationTime(null).build(), TestIssuer.KEY));
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKey() {
        expectInvalidToken(TestIssuer.sign(TestIssuer.claims("alice").build(), TestIssuer.OTHER_KEY));
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        expectInvalidToken(TestIssuer.sign(TestIssuer.claims("alice").audience("billing").build(), TestIssuer.KEY));
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuer() {
        expectInvalidToken(TestIssuer.sign(TestIssuer.claims("alice").issuer("https://evil.test").build(), TestIssuer.KEY));
    }

    @Test
    void shouldRefuseATokenWhoseSubjectCouldBreakTheIdentityHeader() {
        expectInvalidToken(TestIssuer.sign(TestIssuer.claims("alice\r\nX-Strangler-Scopes: admin").build(), TestIssuer.KEY));
    }

    @Test
    void shouldRefuseAMalformedToken() {
        expectInvalidToken("not-a-jwt");
    }

    @Test
    void shouldRefuseAnInvalidTokenEvenOnAPublicRoute() {
        expectProblem(client.get().uri("/api/products/1").headers(h -> h.setBearerAuth("not-a-jwt")).exchange(),
                401, "/problems/invalid-token");
        assertNoBackendCalled();
    }

    @Test
    void shouldAnswer403WhenAWriteLacksTheScope() {
        WebTestClient.ResponseSpec response = client.post().uri("/api/accounts")
                .headers(h -> h.setBearerAuth(TestIssuer.token("alice", "read"))).exchange();
        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"shop\"");
        expectProblem(response, 403, "/problems/insufficient-scope");
        assertNoBackendCalled();
    }

    @Test
    void shouldLetAWriteWithTheScopeThrough() {
        client.post().uri("/api/accounts").headers(h -> h.setBearerAuth(TestIssuer.token("alice", "read", "shop")))
                .exchange().expectStatus().isOk();
        Backends.LEGACY.verify(1, WireMock.postRequestedFor(urlEqualTo("/api/accounts"))
                .withHeader(SUBJECT, equalTo("alice")).withHeader(SCOPES, equalTo("read shop")));
    }

    @Test
    void shouldNotLetAForgedIdentityHeaderStandForAToken() {
        expectProblem(client.get().uri("/api/accounts/1").header(SUBJECT, "admin").header(SCOPES, "shop").exchange(),
                401, "/problems/unauthorized");
        assertNoBackendCalled();
    }

    @Test
    void shouldReplaceAForgedIdentityHeaderByTheTokensIdentity() {
        client.get().uri("/api/accounts/1").headers(h -> h.setBearerAuth(TestIssuer.token("alice")))
                .header(SUBJECT, "admin").header(SCOPES, "shop").exchange().expectStatus().isOk();
        Backends.LEGACY.verify(1, getRequestedFor(urlEqualTo("/api/accounts/1"))
                .withHeader(SUBJECT, equalTo("alice")).withHeader(SCOPES, equalTo("")));
    }

    @Test
    void shouldStripAForgedIdentityHeaderOnAPublicRoute() {
        client.get().uri("/api/products/1").header(SUBJECT, "admin").header(SCOPES, "shop").exchange()
                .expectStatus().isOk();
        Backends.LEGACY.verify(1, getRequestedFor(urlEqualTo("/api/products/1"))
                .withHeader(SUBJECT, absent()).withHeader(SCOPES, absent()));
    }

    @ParameterizedTest
    @EnumSource(value = TrafficMode.class, names = {"LEGACY", "NEW"})
    void shouldHandTheIdentityToWhicheverBackendServes(TrafficMode trafficMode) {
        mode("accounts", trafficMode, 100);
        client.get().uri("/api/accounts/7").headers(h -> h.setBearerAuth(TestIssuer.token("bob", "shop")))
                .exchange().expectStatus().isOk();
        var served = trafficMode == TrafficMode.NEW ? Backends.NEW : Backends.LEGACY;
        served.verify(1, getRequestedFor(urlEqualTo("/api/accounts/7"))
                .withHeader(SUBJECT, equalTo("bob")).withHeader(SCOPES, equalTo("shop")));
    }

    @Test
    void shouldHandTheIdentityToShadowCopies() {
        mode("accounts", TrafficMode.SHADOW, 100);
        client.get().uri("/api/accounts/8").headers(h -> h.setBearerAuth(TestIssuer.token("carol", "shop")))
                .header(SUBJECT, "admin").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Backends.NEW.verify(1,
                getRequestedFor(urlEqualTo("/api/accounts/8")).withHeader(ShadowMirror.SHADOW_HEADER, equalTo("true"))
                        .withHeader(SUBJECT, equalTo("carol")).withHeader(SCOPES, equalTo("shop"))));
    }

    private WebTestClient.BodyContentSpec expectInvalidToken(String token) {
        WebTestClient.ResponseSpec response = client.get().uri("/api/accounts/1").headers(h -> h.setBearerAuth(token)).exchange();
        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        WebTestClient.BodyContentSpec body = expectProblem(response, 401, "/problems/invalid-token");
        assertNoBackendCalled();
        return body;
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String type) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(type).jsonPath("$.status").isEqualTo(status);
    }

    private static void assertNoBackendCalled() {
        assertThat(Backends.LEGACY.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(Backends.NEW.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
