package io.strangler.legacy;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A client for the running app under test, sending raw JSON so tests control every byte. */
public final class ShopClient {

    private final RestTestClient client;

    public ShopClient(int port) {
        this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public RestTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).exchange();
    }

    public RestTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    public RestTestClient.ResponseSpec postWithKey(String path, String idempotencyKey, String json) {
        return client.post().uri(path).header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange();
    }

    public RestTestClient.ResponseSpec put(String path, String json) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    /** Asserts an RFC 9457 problem with the contract's type slug; returns the body for further checks. */
    public static RestTestClient.BodyContentSpec expectProblem(RestTestClient.ResponseSpec response, int status,
            String slug) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/" + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty();
    }

    public RestTestClient raw() {
        return client;
    }
}
