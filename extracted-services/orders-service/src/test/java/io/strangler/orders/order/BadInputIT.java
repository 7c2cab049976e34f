package io.strangler.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.orders.ComponentTestSupport;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every class of bad input gets a problem+json 4xx, and nothing is written or sent downstream. */
class BadInputIT extends ComponentTestSupport {

    @AfterEach
    void nothingChanged() {
        assertThat(count("customer_order")).isZero();
        assertThat(count("saga_instance")).isZero();
        assertThat(count("idempotency_key")).isZero();
        assertThat(downstreamRequestsOfThisTest()).isEmpty();
    }

    @Test
    void shouldRejectABodyThatIsNotJson() {
        assertProblem(postOrder("{\"customerId\":7,"), 400, "malformed-request");
    }

    @Test
    void shouldRejectUnknownProperties() {
        assertProblem(postOrder("{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":2}],\"coupon\":\"X\"}"),
                400, "malformed-request");
    }

    @Test
    void shouldRejectWrongJsonTypes() {
        assertProblem(postOrder("{\"customerId\":\"seven\",\"lines\":[{\"productId\":1001,\"quantity\":2}]}"),
                400, "malformed-request");
        assertProblem(postOrder("{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":2.5}]}"),
                400, "malformed-request");
        assertProblem(postOrder("{\"customerId\":7,\"lines\":{\"productId\":1001}}"), 400, "malformed-request");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"lines\":[{\"productId\":1001,\"quantity\":2}]}                      | customerId",
            "{\"customerId\":-7,\"lines\":[{\"productId\":1001,\"quantity\":2}]}     | customerId",
            "{\"customerId\":7}                                                    | lines",
            "{\"customerId\":7,\"lines\":[]}                                        | lines",
            "{\"customerId\":7,\"lines\":[{\"quantity\":2}]}                         | lines[0].productId",
            "{\"customerId\":7,\"lines\":[{\"productId\":0,\"quantity\":2}]}         | lines[0].productId",
            "{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":0}]}      | lines[0].quantity",
            "{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":1001}]}   | lines[0].quantity",
            "{\"customerId\":7,\"lines\":[{\"productId\":1001}]}                     | lines[0].quantity",
            "{\"customerId\":7,\"lines\":[null]}                                     | lines[0]",
    })
    void shouldListTheFieldThatBreaksARule(String body, String field) {
        HttpResponse<String> response = postOrder(body);

        assertProblem(response, 400, "validation-failed");
        List<String> fields = json(response, "$.errors[*].field");
        assertThat(fields).containsExactly(field);
    }

    @Test
    void shouldRejectMoreThanFiftyLines() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 51; i++) {
            lines.append(i > 1 ? "," : "").append("{\"productId\":").append(i).append(",\"quantity\":1}");
        }
        HttpResponse<String> response = postOrder("{\"customerId\":7,\"lines\":[" + lines + "]}");

        assertProblem(response, 400, "validation-failed");
        assertThat((List<String>) json(response, "$.errors[*].field")).containsExactly("lines");
    }

    @Test
    void shouldRejectAProductOrderedTwice() {
        HttpResponse<String> response = postOrder(
                "{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":1},{\"productId\":1001,\"quantity\":2}]}");

        assertProblem(response, 400, "validation-failed");
        assertThat((List<String>) json(response, "$.errors[*].field")).containsExactly("lines[1].productId");
    }

    @Test
    void shouldRejectAnIdempotencyKeyThatIsTooLongOrNotVisibleAscii() {
        assertProblem(postOrder(ORDER, "Idempotency-Key", String.join("", Collections.nCopies(201, "k"))),
                400, "validation-failed");
        assertProblem(postOrder(ORDER, "Idempotency-Key", "two words"), 400, "validation-failed");
    }

    @Test
    void shouldRejectABodyThatIsNotJsonMediaType() {
        assertProblem(send("POST", "/api/orders", ORDER, "text/plain"), 415, "unsupported-media-type");
    }

    @Test
    void shouldRejectAMethodTheResourceDoesNotAllow() {
        HttpResponse<String> response = send("DELETE", "/api/orders/1000000000", null, null);

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void shouldRejectAnOrderIdThatIsNotANumber() {
        assertProblem(getPath("/api/orders/abc"), 400, "malformed-request");
        assertProblem(getPath("/api/orders/99999999999999999999"), 400, "malformed-request");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> body = json(response, "$");
        assertThat(body).containsEntry("type", "/problems/" + slug).containsEntry("status", status)
                .containsKeys("title", "detail", "instance");
    }
}
