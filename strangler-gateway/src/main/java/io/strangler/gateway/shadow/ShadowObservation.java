package io.strangler.gateway.shadow;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The span of a request's shadow copies: a child of the client request's span, named {@code shadow <route>} and
 * tagged {@value #SHADOW_TAG}{@code =true}, so that a trace never shows a copy as user traffic. The copies' own
 * HTTP client spans (and the new backend's server span, through {@code traceparent}) hang below it.
 */
final class ShadowObservation {

    /** Tag (span attribute and metric tag) every shadow span carries. */
    static final String SHADOW_TAG = "strangler.shadow";
    static final String NAME = "strangler.shadow";

    /** Trace headers of the client request: a copy carries the shadow span's context instead. */
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "b3");

    private ShadowObservation() {
    }

    /**
     * Runs {@code copies} inside a shadow span started on subscription and stopped when they end.
     *
     * @param parent the client request's observation; null starts a new trace
     */
    static <T> Mono<T> around(Mono<T> copies, ObservationRegistry registry, Observation parent, String routeId) {
        return Mono.defer(() -> {
            Observation shadow = Observation.createNotStarted(NAME, registry)
                    .parentObservation(parent)
                    .contextualName("shadow " + routeId)
                    .lowCardinalityKeyValue(SHADOW_TAG, "true")
                    .lowCardinalityKeyValue("strangler.route", routeId)
                    .start();
            return copies.doOnError(shadow::error)
                    .doFinally(signal -> shadow.stop())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, shadow));
        });
    }

    /** Whether a request header is trace context, which copies must not repeat. */
    static boolean isTraceHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TRACE_HEADERS.contains(lower) || lower.startsWith("x-b3-");
    }
}
