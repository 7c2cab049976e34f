package io.strangler.cdc.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class ApplyPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enable.class);

    @Test
    void runsTwoWorkersUnderNoInstanceNameByDefault() {
        runner.run(context -> assertThat(context.getBean(ApplyProperties.class))
                .isEqualTo(new ApplyProperties(2, "")));
    }

    @Test
    void refusesWorkerCountsOutsideOneToSixteen() {
        for (String workers : new String[] {"0", "17", "-1"}) {
            runner.withPropertyValues("cdc.apply.workers=" + workers).run(context ->
                    assertThat(context.getStartupFailure()).as(workers).rootCause()
                            .hasMessageContaining("cdc.apply.workers"));
        }
    }

    @Test
    void refusesAnInstanceNameThatCannotNameAMarkerRow() {
        runner.withPropertyValues("cdc.apply.instance=pod 1").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("cdc.apply.instance")
                        .hasMessageContaining("must be up to 63 letters"));
    }

    @Configuration
    @EnableConfigurationProperties(ApplyProperties.class)
    static class Enable {
    }
}
