package io.strangler.gateway.security;

/**
 * A route's access policy as configured ({@code strangler.gateway.routes[*].auth}, or
 * {@code strangler.gateway.security.default-access} for the catch-all and routes without one).
 *
 * @param policy      {@code public | authenticated | scope} for every method (default {@code public})
 * @param scope       the scope required when {@code policy} is {@code scope}
 * @param writePolicy policy of POST, PUT, PATCH and DELETE; defaults to {@code policy}
 * @param writeScope  the scope required of writes when {@code writePolicy} is {@code scope}
 */
public record RouteAccess(String policy, String scope, String writePolicy, String writeScope) {

    static final RouteAccess PUBLIC = new RouteAccess("public", null, null, null);

    /** The validated rules of this configuration: reads first, writes second. */
    Rules rules(String at) {
        AccessRule reads = AccessRule.of(policy == null ? "public" : policy, scope, at, "policy", "scope");
        AccessRule writes = writePolicy == null && writeScope == null ? reads
                : AccessRule.of(writePolicy == null ? "scope" : writePolicy, writeScope, at, "write-policy", "write-scope");
        return new Rules(reads, writes);
    }

    /**
     * @param reads  rule of GET, HEAD, OPTIONS and TRACE
     * @param writes rule of every other method
     */
    record Rules(AccessRule reads, AccessRule writes) {

        AccessRule forMethod(String method) {
            return switch (method) {
                case "GET", "HEAD", "OPTIONS", "TRACE" -> reads;
                default -> writes;
            };
        }

        boolean needToken() {
            return reads.needsToken() || writes.needsToken();
        }
    }
}
