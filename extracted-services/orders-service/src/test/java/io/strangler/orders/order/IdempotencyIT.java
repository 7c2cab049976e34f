package io.strangler.orders.order;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.orders.ComponentTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends ComponentTestSupport {

    @BeforeEach
    void happyDownstreams() {
        customerExists(7);
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9201, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameKeyAndBody() {
        HttpResponse<String> first = postOrder(ORDER, "Idempotency-Key", "k-1");
        // same body, other formatting
        HttpResponse<String> again = postOrder("{ \"customerId\": 7, \"lines\": [ {\"productId\":1001, \"quantity\":2} ] }",
                "Idempotency-Key", "k-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("customer_order")).isEqualTo(1);
        downstreams.verify(exactly(1), postRequestedFor(urlPathEqualTo("/api/payments")));
    }

    @Test
    void shouldAnswer422WhenTheKeyComesBackWithAnotherBody() {
        postOrder(ORDER, "Idempotency-Key", "k-2");

        HttpResponse<String> other = postOrder("{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":3}]}",
                "Idempotency-Key", "k-2");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) json(other, "$.type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(count("customer_order")).isEqualTo(1);
    }

    @Test
    void shouldRunARequestAfreshWhenItsFirstAttemptWasRejected() {
        downstreams.stubFor(reserve().inScenario("stock").whenScenarioStateIs("Started")
                .willReturn(problem(409, "insufficient-stock", "none left")).willSetStateTo("restocked"));
        downstreams.stubFor(reserve().inScenario("stock").whenScenarioStateIs("restocked").willReturn(reserved()));

        HttpResponse<String> first = postOrder(ORDER, "Idempotency-Key", "k-3");
        HttpResponse<String> second = postOrder(ORDER, "Idempotency-Key", "k-3");

        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat((String) json(second, "$.status")).isEqualTo("CONFIRMED");
    }

    @Test
    void shouldAnswer404ForAnUnknownOrder() {
        HttpResponse<String> response = getPath("/api/orders/999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat((String) json(response, "$.type")).isEqualTo("/problems/not-found");
        assertThat((String) json(response, "$.instance")).isEqualTo("/api/orders/999");
    }
}
