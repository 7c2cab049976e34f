package io.strangler.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ShadowObservationTest {

    @Test
    void shouldNotCopyTheClientsTraceHeadersToAShadowCopy() {
        assertThat(ShadowObservation.isTraceHeader("traceparent")).isTrue();
        assertThat(ShadowObservation.isTraceHeader("TraceState")).isTrue();
        assertThat(ShadowObservation.isTraceHeader("b3")).isTrue();
        assertThat(ShadowObservation.isTraceHeader("X-B3-TraceId")).isTrue();
        assertThat(ShadowObservation.isTraceHeader("X-Request-Id")).isFalse();
        assertThat(ShadowObservation.isTraceHeader("X-Customer-Id")).isFalse();
    }

    @Test
    void shouldRunTheCopiesInAShadowObservationBelowTheRequestsOne() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Observation request = Observation.start("http.server.requests", registry);

        Observation seen = ShadowObservation.around(
                Mono.deferContextual(context -> Mono.just((Observation) context.get(ObservationThreadLocalAccessor.KEY))),
                registry, request, "catalog").block();
        request.stop();

        assertThat(seen.getContext().getParentObservation()).isSameAs(request);
        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("strangler.shadow").that()
                .hasContextualNameEqualTo("shadow catalog")
                .hasLowCardinalityKeyValue("strangler.shadow", "true")
                .hasLowCardinalityKeyValue("strangler.route", "catalog")
                .hasBeenStopped();
    }
}
