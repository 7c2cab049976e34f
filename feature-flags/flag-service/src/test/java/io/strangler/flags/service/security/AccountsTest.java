package io.strangler.flags.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class AccountsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void shouldRefuseToStartWithoutAnOperatorAndSayWhatToSet() {
        AccountsProperties onlyViewer = new AccountsProperties(List.of(), null,
                new AccountsProperties.Credentials(null, "look-only"));

        assertThatThrownBy(() -> Accounts.of(onlyViewer, encoder))
                .hasMessageContaining("No operator credentials").hasMessageContaining("STRANGLER_FLAGS_OPERATOR_PASSWORD");
    }

    @Test
    void shouldHashPlainPasswordsWithBcryptAndGiveOperatorsTheViewerRoleToo() {
        AccountsProperties properties = new AccountsProperties(List.of(), new AccountsProperties.Credentials(null, "s3cret"), null);

        InMemoryUserDetailsManager accounts = Accounts.of(properties, encoder);

        UserDetails operator = accounts.loadUserByUsername("operator");
        assertThat(operator.getPassword()).startsWith("{bcrypt}$2a$").doesNotContain("s3cret");
        assertThat(encoder.matches("s3cret", operator.getPassword())).isTrue();
        assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
    }

    @Test
    void shouldRejectAnIncompleteAccount() {
        AccountsProperties properties = new AccountsProperties(
                List.of(new AccountsProperties.Account("olivia", "", AccountsProperties.Role.OPERATOR)), null, null);

        assertThatThrownBy(() -> Accounts.of(properties, encoder)).hasMessageContaining("needs a name, a password and a role");
    }
}
