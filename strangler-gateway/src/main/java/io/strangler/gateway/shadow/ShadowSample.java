package io.strangler.gateway.shadow;

/**
 * A recent mismatch as kept for operators: the comparison and excerpts of both bodies, sensitive fields masked.
 *
 * @param comparison  the comparison
 * @param legacyBody  legacy's body, redacted, at most 2,000 characters
 * @param newBody     new's body, redacted, at most 2,000 characters
 */
public record ShadowSample(ShadowComparison comparison, String legacyBody, String newBody) {
}
