package io.strangler.flags.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may use an application of the identity scheme, as configured under the application's own prefix (for example
 * {@code strangler.flags} or {@code strangler.console}; see {@link Accounts#properties}). There is no built-in
 * account and no default password: at least one OPERATOR must be configured, or {@link Accounts#users} refuses.
 *
 * @param users    any number of accounts ({@code <prefix>.users[n].name/password/role}); never null once built
 * @param operator a shortcut for one operator: {@code <prefix>.operator.password} (env
 *                 {@code <PREFIX>_OPERATOR_PASSWORD}), name {@code operator} unless {@code <prefix>.operator.name}
 *                 says otherwise; may be null
 * @param viewer   a shortcut for one read-only account: {@code <prefix>.viewer.password} (env
 *                 {@code <PREFIX>_VIEWER_PASSWORD}), name {@code viewer} by default; may be null
 */
public record AccountsProperties(List<Account> users, Credentials operator, Credentials viewer) {

    /** What an account may do. An operator may also do everything a viewer may. */
    public enum Role {
        /** Read: the JSON API's GETs and every page. */
        VIEWER,
        /** Also change: every other method of the JSON API, and the pages' actions. */
        OPERATOR
    }

    /**
     * @param name     login name
     * @param password plain text (hashed with bcrypt at start), or already encoded as {@code {bcrypt}$2a$...}
     * @param role     VIEWER or OPERATOR
     */
    public record Account(String name, String password, Role role) {
    }

    /**
     * @param name     login name, or null for the shortcut's default
     * @param password plain text or {@code {bcrypt}...}; a null or blank one means no such account
     */
    public record Credentials(String name, String password) {
    }

    public AccountsProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Every configured account, the two shortcuts included, in that order. */
    public List<Account> accounts() {
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
