package io.strangler.flags.client.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.strangler.flags.client.FlagClient;
import io.strangler.flags.client.micrometer.FlagClientMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot auto-configuration: a started {@link FlagClient} bean when {@code strangler.flags.client.base-url} is
 * set (closed with the context), plus its Micrometer meters when Micrometer is present.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "strangler.flags.client", name = "base-url")
@EnableConfigurationProperties(FlagClientProperties.class)
public class FlagClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public FlagClient flagClient(FlagClientProperties properties) {
        return FlagClient.builder(properties.baseUrl())
                .credentials(properties.username(), properties.password())
                .snapshotFile(properties.snapshotFile())
                .pollInterval(properties.pollInterval())
                .backoff(properties.initialBackoff(), properties.maxBackoff())
                .streamIdleTimeout(properties.streamIdleTimeout())
                .build()
                .start();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        FlagClientMetrics flagClientMetrics(FlagClient client) {
            return new FlagClientMetrics(client);
        }
    }
}
