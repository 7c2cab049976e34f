package io.strangler.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Strangler's additions to Boot's Micrometer Tracing auto-configuration: the span log ({@code strangler.tracing.log-spans})
 * and the transaction trace marker ({@code strangler.tracing.transaction-marker.enabled}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(TracingProperties.class)
public class StranglerTracingAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "strangler.tracing.log-spans", havingValue = "true")
    SpanExporter stranglerSpanLog() {
        return LoggingSpanExporter.create();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSourceUtils.class)
    @ConditionalOnBean({DataSource.class, Tracer.class, Propagator.class})
    @ConditionalOnProperty(name = "strangler.tracing.transaction-marker.enabled", havingValue = "true")
    static class TransactionMarkerConfiguration {

        @Bean
        TransactionTraceMarker transactionTraceMarker(Tracer tracer, Propagator propagator, DataSource dataSource) {
            TransactionTraceMarker marker = new TransactionTraceMarker(tracer, propagator, dataSource);
            marker.verifyPrivilege();
            return marker;
        }
    }
}
