package io.strangler.gateway.security;

import java.util.regex.Pattern;

/**
 * One access requirement, validated.
 *
 * @param policy what the caller needs; never null
 * @param scope  the required scope when {@code policy} is {@link AccessPolicy#SCOPE}, else null
 */
public record AccessRule(AccessPolicy policy, String scope) {

    /** RFC 6749 scope-token characters: printable ASCII except space, quote and backslash. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    static final AccessRule PUBLIC = new AccessRule(AccessPolicy.PUBLIC, null);

    /** Builds a rule from configuration, naming {@code at} (e.g. {@code strangler.gateway.routes[orders].auth}). */
    static AccessRule of(String policy, String scope, String at, String policyKey, String scopeKey) {
        AccessPolicy parsed = AccessPolicy.parse(policy, at + "." + policyKey);
        if (parsed != AccessPolicy.SCOPE) {
            if (scope != null && !scope.isBlank()) {
                throw new IllegalArgumentException(at + "." + scopeKey + " is set but " + at + "." + policyKey + " is "
                        + parsed.label() + ": use " + policyKey + ": scope to require it, or remove it");
            }
            return new AccessRule(parsed, null);
        }
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException(at + "." + policyKey + " is scope but " + at + "." + scopeKey
                    + " is missing: name the scope a token must carry, e.g. " + scopeKey + ": shop");
        }
        if (!SCOPE_TOKEN.matcher(scope).matches()) {
            throw new IllegalArgumentException(at + "." + scopeKey + ": '" + scope
                    + "' is not one scope (printable ASCII, no spaces or quotes)");
        }
        return new AccessRule(parsed, scope);
    }

    boolean needsToken() {
        return policy != AccessPolicy.PUBLIC;
    }
}
