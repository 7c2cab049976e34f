package io.strangler.cdc.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Continues a source transaction's trace through the sync: a producer span per published change, whose W3C
 * {@code traceparent} goes into the Kafka record's headers, and a consumer span per applied change below it. Changes
 * without trace context get no span: the sync never starts traces of its own (at thousands of changes per second
 * that would only be noise).
 */
@Component
public class ChangeTracing {

    /** The Kafka record header carrying the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
    private static final Logger log = LoggerFactory.getLogger(ChangeTracing.class);
    /** W3C trace context version 00: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. */
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Propagator.Setter<Headers> HEADER_SETTER =
            (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));
    private static final Propagator.Getter<Headers> HEADER_GETTER = (headers, key) -> {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public ChangeTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Records the publication of a traced change and puts its trace context into {@code headers}; does nothing for
     * an untraced change ({@code traceparent} null).
     */
    public void published(String traceparent, String topic, long txId, Headers headers) {
        if (!isTraceparent(traceparent)) {
            return;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name("cdc publish " + topic).kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic)
                .tag("cdc.source.tx", txId).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            propagator.inject(span.context(), headers, HEADER_SETTER);
            log.debug("Publishing a change of transaction {} to {}", txId, topic);
        } finally {
            span.end();
        }
    }

    /**
     * Starts the span of applying one consumed change, in scope until closed (logs written meanwhile carry its trace
     * id); a no-op for a record without trace context.
     */
    public Applying applying(ConsumerRecord<String, String> record, String applier) {
        if (!isTraceparent(HEADER_GETTER.get(record.headers(), TRACEPARENT))) {
            return Applying.NONE; // untraced, or a context nobody can continue: never a trace of our own
        }
        Span span = propagator.extract(record.headers(), HEADER_GETTER)
                .name("cdc apply " + record.topic()).kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", record.topic())
                .tag("cdc.applier", applier).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        log.debug("Applying {}[{}]@{} to {}", record.topic(), record.partition(), record.offset(), applier);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /**
     * Whether {@code value} is a W3C traceparent this sync continues. Anything else (absent, another version,
     * malformed) starts no span, rather than a trace of its own.
     */
    public static boolean isTraceparent(String value) {
        return value != null && TRACEPARENT_FORMAT.matcher(value).matches();
    }

    /** The scope of one applied change's span. */
    @FunctionalInterface
    public interface Applying extends AutoCloseable {

        /** For records without trace context. */
        Applying NONE = () -> { };

        @Override
        void close();
    }
}
