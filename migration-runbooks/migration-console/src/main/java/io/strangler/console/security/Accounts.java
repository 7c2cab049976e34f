package io.strangler.console.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The in-memory accounts, built as the flag service builds its own; a configuration without an operator is refused. */
final class Accounts {

    static final String MISSING_OPERATOR = """
            No operator credentials are configured, and the console has no default password.
            Set STRANGLER_CONSOLE_OPERATOR_PASSWORD (optionally STRANGLER_CONSOLE_OPERATOR_NAME, default 'operator'),
            or declare accounts as strangler.console.users[0].name / .password / .role=OPERATOR.""";

    private Accounts() {
    }

    static InMemoryUserDetailsManager of(AccountsProperties properties, PasswordEncoder encoder) {
        List<AccountsProperties.Account> accounts = properties.accounts();
        Set<String> names = new HashSet<>();
        boolean operator = false;
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (int i = 0; i < accounts.size(); i++) {
            AccountsProperties.Account account = accounts.get(i);
            if (blank(account.name()) || blank(account.password()) || account.role() == null) {
                throw new IllegalStateException("strangler.console.users[" + i + "] (" + account.name()
                        + ") needs a name, a password and a role (VIEWER or OPERATOR)");
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

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static UserDetails user(AccountsProperties.Account account, PasswordEncoder encoder) {
        String password = account.password().startsWith("{bcrypt}") ? account.password() : encoder.encode(account.password());
        String[] roles = account.role() == AccountsProperties.Role.OPERATOR
                ? new String[] {"OPERATOR", "VIEWER"} : new String[] {"VIEWER"};
        return User.withUsername(account.name()).password(password).roles(roles).build();
    }
}
