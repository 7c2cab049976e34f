package io.strangler.flags.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the flag service. There is no built-in account and no default password: at least one OPERATOR must be
 * configured, or the service refuses to start.
 *
 * @param users    any number of accounts ({@code strangler.flags.users[n].name/password/role})
 * @param operator a shortcut for one operator: {@code strangler.flags.operator.password} (env
 *                 {@code STRANGLER_FLAGS_OPERATOR_PASSWORD}), name {@code operator} unless
 *                 {@code strangler.flags.operator.name} says otherwise
 * @param viewer   a shortcut for one read-only account: {@code strangler.flags.viewer.password} (env
 *                 {@code STRANGLER_FLAGS_VIEWER_PASSWORD}), name {@code viewer} by default
 */
@ConfigurationProperties("strangler.flags")
record AccountsProperties(List<Account> users, Credentials operator, Credentials viewer) {

    /** What an account may do. An operator may also do everything a viewer may. */
    enum Role {
        /** Read routes, the stream and the audit log; see the consoles. */
        VIEWER,
        /** Also change routes (API, flag console, Togglz console). */
        OPERATOR
    }

    /**
     * @param name     login name
     * @param password plain text (hashed with bcrypt at start), or already encoded as {@code {bcrypt}$2a$...}
     * @param role     VIEWER or OPERATOR
     */
    record Account(String name, String password, Role role) {
    }

    record Credentials(String name, String password) {
    }

    AccountsProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Every configured account, shortcuts included. */
    List<Account> accounts() {
        List<Account> all = new java.util.ArrayList<>(users);
        if (operator != null && operator.password() != null && !operator.password().isBlank()) {
            all.add(new Account(operator.name() == null ? "operator" : operator.name(), operator.password(), Role.OPERATOR));
        }
        if (viewer != null && viewer.password() != null && !viewer.password().isBlank()) {
            all.add(new Account(viewer.name() == null ? "viewer" : viewer.name(), viewer.password(), Role.VIEWER));
        }
        return all;
    }
}
