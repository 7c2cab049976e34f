package io.strangler.flags.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class FlagAccountsAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(FlagAccountsAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

    @Test
    void shouldBuildTheAccountsOfTheDeclaredPrefixInsteadOfBootsGeneratedUser() {
        context.withBean(Accounts.class, () -> new Accounts("strangler.console", "the console"))
                .withPropertyValues("strangler.console.operator.password=op-secret", "strangler.console.viewer.password=look")
                .run(app -> {
                    assertThat(app).hasSingleBean(UserDetailsService.class).hasSingleBean(PasswordEncoder.class);
                    UserDetailsService users = app.getBean(UserDetailsService.class);
                    assertThat(app.getBean(PasswordEncoder.class)
                            .matches("op-secret", users.loadUserByUsername("operator").getPassword())).isTrue();
                    assertThat(users.loadUserByUsername("viewer").getAuthorities()).extracting(Object::toString)
                            .containsExactly("ROLE_VIEWER");
                });
    }

    @Test
    void shouldRefuseToStartWithoutAnOperator() {
        context.withBean(Accounts.class, () -> new Accounts("strangler.flags", "the flag service"))
                .withPropertyValues("strangler.flags.viewer.password=look")
                .run(app -> assertThat(app).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("STRANGLER_FLAGS_OPERATOR_PASSWORD"));
    }

    @Test
    void shouldStayOutOfAnApplicationThatDeclaresNoAccounts() {
        context.run(app -> assertThat(app).doesNotHaveBean(FlagAccountsAutoConfiguration.class)
                .doesNotHaveBean(PasswordEncoder.class));
    }
}
