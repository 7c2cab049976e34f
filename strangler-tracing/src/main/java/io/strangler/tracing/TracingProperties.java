package io.strangler.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code strangler.tracing.*}: what the Strangler services add to Boot's tracing ({@code management.tracing.*}).
 *
 * @param logSpans          log every finished span (name, trace id, span id, kind, attributes) through the logger
 *                          {@code io.opentelemetry.exporter.logging.LoggingSpanExporter}: a collector stand-in for
 *                          the demo and for debugging; off by default
 * @param transactionMarker write the trace context into each read-write transaction for CDC
 *                          ({@link TransactionTraceMarker}); off by default, on in services whose database is captured
 */
@ConfigurationProperties("strangler.tracing")
public record TracingProperties(boolean logSpans, TransactionMarker transactionMarker) {

    public TracingProperties {
        transactionMarker = transactionMarker == null ? new TransactionMarker(false) : transactionMarker;
    }

    /** @param enabled whether writing transactions carry their trace context into the WAL */
    public record TransactionMarker(boolean enabled) {
    }
}
