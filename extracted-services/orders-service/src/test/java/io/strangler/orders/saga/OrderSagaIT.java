package io.strangler.orders.saga;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import io.strangler.orders.ComponentTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order-placement saga against stubbed downstreams: success, each business failure, and each kind of fault. */
class OrderSagaIT extends ComponentTestSupport {

    @BeforeEach
    void customerSeven() {
        customerExists(7);
    }

    @Test
    void shouldReserveChargeAndConfirmWhenEverythingAnswers() {
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9001, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        long id = orderId(response);
        assertThat(id).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/orders/" + id);
        assertThat((String) json(response, "$.status")).isEqualTo("CONFIRMED");
        assertThat((Integer) json(response, "$.totalCents")).isEqualTo(25998);
        assertThat((Integer) json(response, "$.paymentId")).isEqualTo(9001);
        assertThat((String) json(response, "$.lines[0].sku")).isEqualTo("SKU-001001");
        assertThat((Integer) json(response, "$.lines[0].lineTotalCents")).isEqualTo(25998);
        assertThat((String) json(response, "$.currency")).isEqualTo("EUR");
        assertThat((String) json(response, "$.placedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        downstreams.verify(postRequestedFor(urlPathMatching("/internal/stock-reservations"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"reservationId\":\"order-" + id + "\",\"lines\":[{\"productId\":1001,\"quantity\":2}]}")));
        downstreams.verify(postRequestedFor(urlPathMatching("/api/payments"))
                .withHeader("Idempotency-Key", equalTo("order-" + id + "-charge"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"customerId\":7,\"orderRef\":\"order-" + id + "\",\"amountCents\":25998}")));
        downstreams.verify(postRequestedFor(urlPathMatching("/internal/stock-reservations/order-" + id + "/confirm")));
        assertThat(saga(id)).containsEntry("state", "COMPLETED");

        HttpResponse<String> read = getPath("/api/orders/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(response.body());
    }

    @Test
    void shouldAnswer409AndChargeNothingWhenStockIsInsufficient() {
        downstreams.stubFor(reserve().willReturn(problem(409, "insufficient-stock", "Product 1001 has 1 on hand")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) json(response, "$.type")).isEqualTo("/problems/insufficient-stock");
        assertThat((String) json(response, "$.detail")).isEqualTo("Product 1001 has 1 on hand");
        assertThat((String) json(response, "$.instance")).isEqualTo("/api/orders");
        downstreams.verify(0, postRequestedFor(urlPathMatching("/api/payments.*")));
        downstreams.verify(0, postRequestedFor(urlPathMatching(".*/release")));
        assertThat(jdbc.sql("SELECT status FROM customer_order").query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void shouldAnswer422WhenCatalogDoesNotKnowAProduct() {
        downstreams.stubFor(reserve().willReturn(problem(422, "unknown-reference", "Product 1001 does not exist")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat((String) json(response, "$.type")).isEqualTo("/problems/unknown-reference");
        downstreams.verify(0, postRequestedFor(urlPathMatching("/api/payments.*")));
    }

    @Test
    void shouldReleaseTheReservationWhenThePaymentIsDeclined() {
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(problem(402, "payment-declined", "Credit limit exceeded")));
        downstreams.stubFor(anyRelease().willReturn(reservation("RELEASED")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(402);
        assertThat((String) json(response, "$.type")).isEqualTo("/problems/payment-declined");
        long id = jdbc.sql("SELECT id FROM customer_order").query(Long.class).single();
        downstreams.verify(postRequestedFor(urlPathMatching("/internal/stock-reservations/order-" + id + "/release")));
        assertThat(downstreamRequestsOfThisTest(".*/confirm")).isZero();
        assertThat(downstreamRequestsOfThisTest(".*/refund")).isZero();
        assertThat(orderStatus(id)).isEqualTo("FAILED");
        assertThat(saga(id)).containsEntry("state", "COMPENSATED").containsEntry("failure", "PAYMENT_DECLINED");
    }

    @Test
    void shouldRetryTheChargeWithTheSameKeyWhenThePaymentApiAnswers500Once() {
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        downstreams.stubFor(charge().inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(payment(9002, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat((String) json(response, "$.status")).isEqualTo("CONFIRMED");
        long id = orderId(response);
        downstreams.verify(exactly(2), postRequestedFor(urlPathMatching("/api/payments"))
                .withHeader("Idempotency-Key", equalTo("order-" + id + "-charge")));
    }

    @Test
    void shouldRetryTheReservationAfterAConnectionReset() {
        downstreams.stubFor(reserve().inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        downstreams.stubFor(reserve().inScenario("reset").whenScenarioStateIs("up").willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9003, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat((String) json(response, "$.status")).isEqualTo("CONFIRMED");
        assertThat(downstreamRequestsOfThisTest("/internal/stock-reservations")).isEqualTo(2);
    }

    @Test
    void shouldAnswerPendingWhileCatalogIsDownAndConfirmOnceItIsBack() {
        downstreams.stubFor(reserve().willReturn(aResponse().withStatus(503)));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat((String) json(response, "$.status")).isEqualTo("PENDING");
        assertThat((Object) json(response, "$.totalCents")).isNull();
        long id = orderId(response);

        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9004, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat((String) json(getPath("/api/orders/" + id), "$.status")).isEqualTo("CONFIRMED"));
        assertThat(saga(id)).containsEntry("state", "COMPLETED");
    }

    @Test
    void shouldFailTheOrderAndReleaseWhenCatalogStaysDownPastTheGiveUpTime() {
        downstreams.stubFor(reserve().willReturn(aResponse().withFixedDelay(2_000).withStatus(201)));
        downstreams.stubFor(anyRelease().willReturn(aResponse().withStatus(404)));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat((String) json(response, "$.status")).isEqualTo("PENDING");
        long id = orderId(response);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orderStatus(id)).isEqualTo("FAILED"));
        assertThat(saga(id)).containsEntry("state", "COMPENSATED").containsEntry("failure", "DOWNSTREAM_UNAVAILABLE");
        downstreams.verify(postRequestedFor(urlPathMatching("/internal/stock-reservations/order-" + id + "/release")));
        downstreams.verify(0, postRequestedFor(urlPathMatching("/api/payments.*")));
    }

    @Test
    void shouldAnswerPendingWhenConfirmTimesOutAndConfirmOnceCatalogAnswersAgain() {
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9005, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(aResponse().withFixedDelay(2_000).withStatus(200)));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat((String) json(response, "$.status")).isEqualTo("PENDING");
        assertThat((Integer) json(response, "$.paymentId")).isEqualTo(9005);
        long id = orderId(response);

        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(orderStatus(id)).isEqualTo("CONFIRMED"));
        downstreams.verify(exactly(1), postRequestedFor(urlPathMatching("/api/payments")));
        downstreams.verify(0, postRequestedFor(urlPathMatching(".*/refund")));
    }

    @Test
    void shouldRefundAndReleaseWhenCatalogRefusesToConfirm() {
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9006, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(problem(409, "invalid-state", "Reservation expired")));
        downstreams.stubFor(anyRefund().willReturn(okJson("{\"id\":9006,\"status\":\"REFUNDED\"}")));
        downstreams.stubFor(anyRelease().willReturn(reservation("RELEASED")));

        HttpResponse<String> response = postOrder(ORDER);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat((String) json(response, "$.type")).isEqualTo("/problems/downstream-rejected");
        downstreams.verify(postRequestedFor(urlPathMatching("/api/payments/9006/refund")));
        downstreams.verify(postRequestedFor(urlPathMatching(".*/release")));
        assertThat(jdbc.sql("SELECT status FROM customer_order").query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void shouldAnswer422AndWriteNothingWhenTheCustomerIsUnknown() {
        downstreams.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/customers/8")
                .willReturn(problem(404, "not-found", "Customer 8 does not exist")));

        HttpResponse<String> response = postOrder("{\"customerId\":8,\"lines\":[{\"productId\":1001,\"quantity\":2}]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat((String) json(response, "$.type")).isEqualTo("/problems/unknown-reference");
        assertThat(count("customer_order")).isZero();
        assertThat(downstreamRequestsOfThisTest().stream().map(e -> e.getRequest().getUrl()))
                .containsExactly("/api/customers/8");
    }
}
