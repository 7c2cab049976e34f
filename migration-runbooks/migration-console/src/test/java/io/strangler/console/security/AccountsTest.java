package io.strangler.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void shouldGiveAnOperatorBothRolesAndAViewerOnlyOne() {
        var accounts = Accounts.of(new AccountsProperties(List.of(),
                new AccountsProperties.Credentials(null, "op-secret"), new AccountsProperties.Credentials(null, "look")), encoder);

        assertThat(accounts.loadUserByUsername("operator").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(accounts.loadUserByUsername("viewer").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER");
        assertThat(encoder.matches("op-secret", accounts.loadUserByUsername("operator").getPassword())).isTrue();
    }

    @Test
    void shouldRefuseToStartWithoutAnOperator() {
        assertThatThrownBy(() -> Accounts.of(new AccountsProperties(null, null,
                new AccountsProperties.Credentials(null, "look")), encoder))
                .hasMessageContaining("STRANGLER_CONSOLE_OPERATOR_PASSWORD");
    }

    @Test
    void shouldRefuseAnAccountWithoutRoleOrTwiceTheSameName() {
        assertThatThrownBy(() -> Accounts.of(new AccountsProperties(List.of(
                new AccountsProperties.Account("ann", "pw", null)), null, null), encoder))
                .hasMessageContaining("strangler.console.users[0]");
        assertThatThrownBy(() -> Accounts.of(new AccountsProperties(List.of(
                new AccountsProperties.Account("operator", "pw", AccountsProperties.Role.VIEWER)),
                new AccountsProperties.Credentials(null, "x"), null), encoder))
                .hasMessageContaining("configured twice");
    }
}
