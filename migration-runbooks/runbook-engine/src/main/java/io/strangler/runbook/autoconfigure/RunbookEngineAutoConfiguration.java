package io.strangler.runbook.autoconfigure;

import io.strangler.judge.MetricSource;
import io.strangler.judge.source.GatewayComparisonSource;
import io.strangler.judge.source.PrometheusSource;
import io.strangler.runbook.definition.RunbookParser;
import io.strangler.runbook.http.ActuatorHealth;
import io.strangler.runbook.http.CdcSyncClient;
import io.strangler.runbook.http.FlagServiceClient;
import io.strangler.runbook.http.GatewayClient;
import io.strangler.runbook.port.DataSync;
import io.strangler.runbook.port.RouteFlags;
import io.strangler.runbook.port.RouteTraffic;
import io.strangler.runbook.port.ServiceHealth;
import io.strangler.runbook.run.RunbookEngine;
import io.strangler.runbook.run.RunbookPorts;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The runbook engine in any Spring Boot app with a PostgreSQL {@link DataSource}: HTTP adapters to the flag service,
 * cdc-sync, the gateway and the services' health (each replaceable by a bean of the port's type), and the engine,
 * which resumes unfinished runs once the application is ready.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "strangler.runbooks", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RunbookProperties.class)
public class RunbookEngineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RunbookParser runbookParser() {
        return new RunbookParser();
    }

    @Bean
    @ConditionalOnMissingBean
    RouteFlags runbookRouteFlags(RunbookProperties properties) {
        RunbookProperties.Peer flags = properties.flags();
        return new FlagServiceClient(flags.baseUrl(), flags.username(), flags.password(), properties.requestTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    DataSync runbookDataSync(RunbookProperties properties) {
        RunbookProperties.Peer cdc = properties.cdc();
        return new CdcSyncClient(cdc.baseUrl(), cdc.username(), cdc.password(), properties.requestTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceHealth runbookServiceHealth(RunbookProperties properties) {
        return new ActuatorHealth(properties.services(), properties.requestTimeout());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RunbookEngine runbookEngine(DataSource dataSource, RouteFlags flags, DataSync sync,
                                ObjectProvider<RouteTraffic> traffic, ObjectProvider<MetricSource> metrics,
                                ServiceHealth health, RunbookParser parser, RunbookProperties properties) {
        // the judge reads the gateway's comparison API (one gateway) or Prometheus (many replicas), unless the host
        // brings a MetricSource bean of its own
        MetricSource judgeSource = properties.prometheusUrl() != null
                ? PrometheusSource.of(properties.prometheusUrl(), GatewayComparisonSource.MAX_SAMPLES,
                        properties.requestTimeout())
                : GatewayComparisonSource.of(properties.gatewayManagementUrl(), GatewayComparisonSource.MAX_SAMPLES,
                        properties.requestTimeout());
        RunbookPorts ports = new RunbookPorts(flags, sync, traffic.getIfAvailable(() ->
                new GatewayClient(properties.gatewayManagementUrl(), properties.requestTimeout())),
                metrics.getIfAvailable(() -> judgeSource), health);
        return new RunbookEngine(dataSource, ports, parser, Clock.systemUTC(), properties.tick());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> runbookEngineResume(RunbookEngine engine) {
        return ready -> engine.resume();
    }
}
