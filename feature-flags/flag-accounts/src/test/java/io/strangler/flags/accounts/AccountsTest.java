package io.strangler.flags.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class AccountsTest {

    private final PasswordEncoder encoder = AccountsSecurity.passwordEncoder();
    private final Accounts flags = new Accounts("strangler.flags", "the flag service");
    private final Accounts console = new Accounts("strangler.console", "the console");

    @Test
    void shouldRefuseToStartWithoutAnOperatorAndSayWhatToSetUnderTheApplicationsOwnPrefix() {
        AccountsProperties onlyViewer = new AccountsProperties(List.of(), null,
                new AccountsProperties.Credentials(null, "look-only"));

        assertThatThrownBy(() -> flags.users(onlyViewer, encoder))
                .hasMessageContaining("No operator credentials are configured, and the flag service has no default password")
                .hasMessageContaining("Set STRANGLER_FLAGS_OPERATOR_PASSWORD (optionally STRANGLER_FLAGS_OPERATOR_NAME")
                .hasMessageContaining("strangler.flags.users[0].name / .password / .role=OPERATOR");
        assertThatThrownBy(() -> console.users(onlyViewer, encoder))
                .hasMessageContaining("the console has no default password")
                .hasMessageContaining("STRANGLER_CONSOLE_OPERATOR_PASSWORD");
    }

    @Test
    void shouldHashPlainPasswordsWithBcryptAndGiveOperatorsTheViewerRoleToo() {
        InMemoryUserDetailsManager accounts = flags.users(new AccountsProperties(null,
                new AccountsProperties.Credentials(null, "s3cret"), new AccountsProperties.Credentials(null, "look")), encoder);

        UserDetails operator = accounts.loadUserByUsername("operator");
        assertThat(operator.getPassword()).startsWith("{bcrypt}$2a$").doesNotContain("s3cret");
        assertThat(encoder.matches("s3cret", operator.getPassword())).isTrue();
        assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(accounts.loadUserByUsername("viewer").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER");
    }

    @Test
    void shouldKeepAPasswordAlreadyEncodedWithBcrypt() {
        String hash = encoder.encode("operator-secret");
        InMemoryUserDetailsManager accounts = flags.users(new AccountsProperties(
                List.of(new AccountsProperties.Account("olivia", hash, AccountsProperties.Role.OPERATOR)), null, null), encoder);

        assertThat(accounts.loadUserByUsername("olivia").getPassword()).isEqualTo(hash);
    }

    @Test
    void shouldRejectAnIncompleteAccountNamingItsKey() {
        assertThatThrownBy(() -> flags.users(new AccountsProperties(
                List.of(new AccountsProperties.Account("olivia", "", AccountsProperties.Role.OPERATOR)), null, null), encoder))
                .hasMessage("strangler.flags.users[0] (olivia) needs a name, a password and a role (VIEWER or OPERATOR)");
        assertThatThrownBy(() -> console.users(new AccountsProperties(
                List.of(new AccountsProperties.Account("ann", "pw", null)), null, null), encoder))
                .hasMessageContaining("strangler.console.users[0]");
    }

    @Test
    void shouldRefuseTheSameNameTwice() {
        assertThatThrownBy(() -> console.users(new AccountsProperties(List.of(
                new AccountsProperties.Account("operator", "pw", AccountsProperties.Role.VIEWER)),
                new AccountsProperties.Credentials(null, "x"), null), encoder))
                .hasMessageContaining("The account name 'operator' is configured twice");
    }

    @Test
    void shouldBindListedAccountsUnderThePrefix() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("strangler.console.users[0].name", "olivia")
                .withProperty("strangler.console.users[0].password", "operator-secret")
                .withProperty("strangler.console.users[0].role", "OPERATOR")
                .withProperty("strangler.flags.users[0].name", "someone-else");

        AccountsProperties properties = console.properties(environment);

        assertThat(properties.accounts()).containsExactly(
                new AccountsProperties.Account("olivia", "operator-secret", AccountsProperties.Role.OPERATOR));
    }

    @Test
    void shouldBindTheShortcutsFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "STRANGLER_FLAGS_OPERATOR_PASSWORD", "change-me", "STRANGLER_FLAGS_OPERATOR_NAME", "olivia",
                "STRANGLER_FLAGS_VIEWER_PASSWORD", "look-only")));

        AccountsProperties properties = flags.properties(environment);

        assertThat(properties.accounts()).containsExactly(
                new AccountsProperties.Account("olivia", "change-me", AccountsProperties.Role.OPERATOR),
                new AccountsProperties.Account("viewer", "look-only", AccountsProperties.Role.VIEWER));
    }

    @Test
    void shouldBindNothingToNoAccounts() {
        assertThat(console.properties(new MockEnvironment()).accounts()).isEmpty();
    }
}
