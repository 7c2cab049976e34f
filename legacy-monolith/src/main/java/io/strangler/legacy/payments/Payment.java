package io.strangler.legacy.payments;

import java.time.Instant;

/** A row of {@code PAYMENTS} as the API shows it; {@code status} is {@code CAPTURED} or {@code REFUNDED}. */
public record Payment(long id, long customerId, String orderRef, long amountCents, String currency, String status,
        Instant createdAt, Instant updatedAt) {
}
