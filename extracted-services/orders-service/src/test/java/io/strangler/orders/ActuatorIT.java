package io.strangler.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ActuatorIT extends ComponentTestSupport {

    @Test
    void shouldReportReadinessAndLiveness() {
        assertThat(getPath("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(getPath("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldExposeResilienceMetricsPerDownstreamForPrometheus() {
        HttpResponse<String> response = getPath("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("resilience4j_circuitbreaker_state").contains("name=\"catalog\"")
                .contains("name=\"legacy-shop\"");
    }
}
