package io.strangler.console.peers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

class PeersPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PeersProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bound.class)
            .withPropertyValues("strangler.console.flags.password=secret");

    @Test
    void shouldStartWithTheDefaultsAndAPassword() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            PeersProperties properties = context.getBean(PeersProperties.class);
            assertThat(properties.flags().url()).hasToString("http://localhost:8084");
            assertThat(properties.gateway().managementUrl()).hasToString("http://localhost:9080");
        });
    }

    @Test
    void shouldRefuseAPeerUrlWithAPath() {
        runner.withPropertyValues("strangler.console.gateway.management-url=http://localhost:9080/admin").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("strangler.console.gateway")
                        .hasMessageContaining("must be http(s)://host[:port] only"));
    }

    @Test
    void shouldRefuseAPeerUrlThatIsNotHttp() {
        runner.withPropertyValues("strangler.console.cdc.url=ftp://localhost:8085").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("strangler.console.cdc"));
    }

    @Test
    void shouldRefuseAMissingFlagServicePasswordNamingTheVariable() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Bound.class).run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("STRANGLER_CONSOLE_FLAGS_PASSWORD"));
    }

    @Test
    void shouldRefuseATimeoutThatIsNotADuration() {
        runner.withPropertyValues("strangler.console.timeout=soon").run(context ->
                assertThat(context).hasFailed());
    }
}
