package io.strangler.flags.service.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Builds the in-memory accounts from configuration, refusing a configuration without an operator. */
final class Accounts {

    static final String MISSING_OPERATOR = """
            No operator credentials are configured, and the flag service has no default password.
            Set STRANGLER_FLAGS_OPERATOR_PASSWORD (optionally STRANGLER_FLAGS_OPERATOR_NAME, default 'operator'),
            or declare accounts as strangler.flags.users[0].name / .password / .role=OPERATOR.""";

    private Accounts() {
    }

    static InMemoryUserDetailsManager of(AccountsProperties properties, PasswordEncoder encoder) {
        List<AccountsProperties.Account> accounts = properties.accounts();
        Set<String> names = new HashSet<>();
        boolean operator = false;
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (int i = 0; i < accounts.size(); i++) {
            AccountsProperties.Account account = accounts.get(i);
            String where = "strangler.flags.users[" + i + "] (" + account.name() + ")";
            if (account.name() == null || account.name().isBlank() || account.password() == null || account.password().isBlank()
                    || account.role() == null) {
                throw new IllegalStateException(where + " needs a name, a password and a role (VIEWER or OPERATOR)");
            }
            if (!names.add(account.name())) {
                throw new IllegalStateException("The account name '" + account.name() + "' is configured twice");
            }
            operator |= account.role() == AccountsProperties.Role.OPERATOR;
            manager.createUser(user(account, encoder));
        }
        if (!operator) {
            throw new IllegalStateException(MISSING_OPERATOR);
        }
        return manager;
    }

    private static UserDetails user(AccountsProperties.Account account, PasswordEncoder encoder) {
        String password = account.password().startsWith("{bcrypt}") ? account.password() : encoder.encode(account.password());
        String[] roles = account.role() == AccountsProperties.Role.OPERATOR
                ? new String[] {"OPERATOR", "VIEWER"} : new String[] {"VIEWER"};
        return User.withUsername(account.name()).password(password).roles(roles).build();
    }
}
