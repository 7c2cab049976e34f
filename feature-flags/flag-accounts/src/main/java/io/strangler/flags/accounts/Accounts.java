package io.strangler.flags.accounts;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The accounts of one application of the identity scheme: read from its configuration prefix, checked, and held in
 * memory with bcrypt-hashed passwords. An OPERATOR is given the VIEWER role too. Declared as a bean, it is all an
 * application needs for {@link FlagAccountsAutoConfiguration} to build its users.
 *
 * @param prefix      the application's configuration prefix, e.g. {@code strangler.flags}; its environment variables
 *                    are the upper-case form ({@code STRANGLER_FLAGS_OPERATOR_PASSWORD})
 * @param application how error messages name the application, e.g. {@code the flag service}
 */
public record Accounts(String prefix, String application) {

    /** The configured accounts under {@link #prefix()} (relaxed binding: environment variables included). */
    public AccountsProperties properties(Environment environment) {
        return Binder.get(environment).bind(prefix, AccountsProperties.class)
                .orElseGet(() -> new AccountsProperties(null, null, null));
    }

    /**
     * Builds the accounts, failing fast with what to set when an account is incomplete, a name is configured twice,
     * or no OPERATOR is configured at all.
     *
     * @throws IllegalStateException naming the offending key or the settings to add
     */
    public InMemoryUserDetailsManager users(AccountsProperties properties, PasswordEncoder encoder) {
        List<AccountsProperties.Account> accounts = properties.accounts();
        Set<String> names = new HashSet<>();
        boolean operator = false;
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (int i = 0; i < accounts.size(); i++) {
            AccountsProperties.Account account = accounts.get(i);
            if (blank(account.name()) || blank(account.password()) || account.role() == null) {
                throw new IllegalStateException(prefix + ".users[" + i + "] (" + account.name()
                        + ") needs a name, a password and a role (VIEWER or OPERATOR)");
            }
            if (!names.add(account.name())) {
                throw new IllegalStateException("The account name '" + account.name() + "' is configured twice");
            }
            operator |= account.role() == AccountsProperties.Role.OPERATOR;
            manager.createUser(user(account, encoder));
        }
        if (!operator) {
            throw new IllegalStateException(missingOperator());
        }
        return manager;
    }

    private String missingOperator() {
        String env = prefix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return """
                No operator credentials are configured, and %s has no default password.
                Set %s_OPERATOR_PASSWORD (optionally %s_OPERATOR_NAME, default 'operator'),
                or declare accounts as %s.users[0].name / .password / .role=OPERATOR."""
                .formatted(application, env, env, prefix);
    }

    private static UserDetails user(AccountsProperties.Account account, PasswordEncoder encoder) {
        String password = account.password().startsWith("{bcrypt}") ? account.password() : encoder.encode(account.password());
        String[] roles = account.role() == AccountsProperties.Role.OPERATOR
                ? new String[] {"OPERATOR", "VIEWER"} : new String[] {"VIEWER"};
        return User.withUsername(account.name()).password(password).roles(roles).build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
