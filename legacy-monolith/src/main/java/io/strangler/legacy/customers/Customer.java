package io.strangler.legacy.customers;

import java.time.Instant;

/** A row of {@code CUSTOMERS} as the API shows it. */
public record Customer(long id, String email, String name, long creditLimitCents, Instant createdAt) {
}
