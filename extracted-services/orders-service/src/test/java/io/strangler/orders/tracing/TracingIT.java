package io.strangler.orders.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.strangler.orders.ComponentTestSupport;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order-placement saga runs on its own threads but continues the request's trace: every call it makes to
 * catalog-service and to the legacy shop carries a W3C traceparent of the caller's trace.
 */
class TracingIT extends ComponentTestSupport {

    private static final String TRACE_ID = "a3ce929d0e0e47364bf92f3577b34da6";

    @Test
    void shouldCarryTheRequestsTraceIntoEveryDownstreamCallOfTheSaga() {
        customerExists(7);
        downstreams.stubFor(reserve().willReturn(reserved()));
        downstreams.stubFor(charge().willReturn(payment(9002, "CAPTURED")));
        downstreams.stubFor(anyConfirm().willReturn(reservation("CONFIRMED")));

        HttpResponse<String> response = postOrder(ORDER, "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        assertThat(response.statusCode()).isEqualTo(201);
        List<ServeEvent> calls = downstreamRequestsOfThisTest();
        assertThat(calls).extracting(e -> e.getRequest().getUrl())
                .contains("/api/customers/7", "/internal/stock-reservations", "/api/payments");
        assertThat(calls).allSatisfy(call -> assertThat(call.getRequest().getHeader("traceparent"))
                .as(call.getRequest().getUrl()).startsWith("00-" + TRACE_ID + "-"));
    }
}
