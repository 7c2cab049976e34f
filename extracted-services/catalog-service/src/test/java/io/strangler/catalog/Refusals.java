package io.strangler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Asserts the contract's refusal: the status, an {@code application/problem+json} body of the slug, no change. */
public final class Refusals {

    private final CatalogFixtures fixtures;

    public Refusals(CatalogFixtures fixtures) {
        this.fixtures = fixtures;
    }

    public RestTestClient.BodyContentSpec refused(RestTestClient.RequestHeadersSpec<?> request, int status,
                                                  String slug) {
        String before = fixtures.fingerprint();
        RestTestClient.BodyContentSpec body = request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/" + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty();
        assertThat(fixtures.fingerprint()).as("database after a refused request").isEqualTo(before);
        return body;
    }
}
