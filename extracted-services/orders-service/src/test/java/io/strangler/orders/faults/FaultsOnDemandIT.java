package io.strangler.orders.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.orders.ComponentTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/** With the demo profile, latency and errors can be injected into the orders API, and refused when malformed. */
@ActiveProfiles({"test", "demo"})
class FaultsOnDemandIT extends ComponentTestSupport {

    @AfterEach
    void clearFaults() {
        assertThat(send("DELETE", "/admin/faults", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldDelayOrdersRequestsByTheInjectedLatency() {
        assertThat(putFaults("{\"latencyMillis\":40}").statusCode()).isEqualTo(200);

        HttpResponse<String> response = getPath("/api/orders/424242");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Strangler-Fault")).contains("latency=40ms");
    }

    @Test
    void shouldFailOrdersRequestsAtTheInjectedErrorRateWithoutTouchingDownstreams() {
        assertThat(putFaults("{\"errorRate\":1.0}").statusCode()).isEqualTo(200);

        HttpResponse<String> response = postOrder("{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":1}]}",
                "Idempotency-Key", "fault-test-1");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response, "$.type").toString()).isEqualTo("/problems/internal-error");
        assertThat(json(response, "$.detail").toString()).contains("Injected fault");
        assertThat(downstreamRequestsOfThisTest()).isEmpty();
        assertThat(count("customer_order")).isZero();
        assertThat(getPath("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnErrorRateAboveOneAndKeepTheCurrentSettings() {
        assertThat(putFaults("{\"latencyMillis\":15}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = putFaults("{\"errorRate\":2}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused, "$.type").toString()).isEqualTo("/problems/validation-failed");
        assertThat(json(refused, "$.errors[0].field").toString()).isEqualTo("errorRate");
        assertThat(getPath("/admin/faults").body()).contains("\"latencyMillis\":15").contains("\"errorRate\":0.0");
    }

    @Test
    void shouldRefuseAMalformedBody() {
        HttpResponse<String> refused = putFaults("{\"latencyMillis\":");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused, "$.type").toString()).isEqualTo("/problems/malformed-request");
    }

    private HttpResponse<String> putFaults(String body) {
        return send("PUT", "/admin/faults", body, "application/json");
    }
}
