package io.strangler.console.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the console: the flag service's identity scheme (roles VIEWER and OPERATOR, no built-in account, no
 * default password). At least one OPERATOR must be configured, or the console refuses to start.
 *
 * @param users    any number of accounts ({@code strangler.console.users[n].name/password/role})
 * @param operator one operator: {@code strangler.console.operator.password} (env
 *                 {@code STRANGLER_CONSOLE_OPERATOR_PASSWORD}), name {@code operator} unless set
 * @param viewer   one read-only account: {@code strangler.console.viewer.password} (env
 *                 {@code STRANGLER_CONSOLE_VIEWER_PASSWORD}), name {@code viewer} unless set
 */
@ConfigurationProperties("strangler.console")
record AccountsProperties(List<Account> users, Credentials operator, Credentials viewer) {

    /** What an account may do; an operator may also do everything a viewer may. */
    enum Role {
        /** See every panel. */
        VIEWER,
        /** Also shift routes and approve, reject or abort runbook runs. */
        OPERATOR
    }

    /**
     * @param name     login name
     * @param password plain text (hashed with bcrypt at start) or already encoded as {@code {bcrypt}$2a$...}
     * @param role     VIEWER or OPERATOR
     */
    record Account(String name, String password, Role role) {
    }

    record Credentials(String name, String password) {
    }

    AccountsProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Every configured account, the two shortcuts included. */
    List<Account> accounts() {
        List<Account> all = new ArrayList<>(users);
        shortcut(operator, "operator", Role.OPERATOR, all);
        shortcut(viewer, "viewer", Role.VIEWER, all);
        return all;
    }

    private static void shortcut(Credentials credentials, String defaultName, Role role, List<Account> all) {
        if (credentials != null && credentials.password() != null && !credentials.password().isBlank()) {
            all.add(new Account(credentials.name() == null ? defaultName : credentials.name(), credentials.password(), role));
        }
    }
}
