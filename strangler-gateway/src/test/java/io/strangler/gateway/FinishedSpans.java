package io.strangler.gateway;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The spans the gateway finished, kept in memory (Boot hands every SpanExporter bean its spans). */
@TestConfiguration(proxyBeanMethods = false)
public class FinishedSpans {

    @Bean
    InMemorySpanExporter finishedSpans() {
        return InMemorySpanExporter.create();
    }
}
