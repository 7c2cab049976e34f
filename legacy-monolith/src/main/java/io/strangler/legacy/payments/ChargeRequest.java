package io.strangler.legacy.payments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/payments}. */
record ChargeRequest(
        @NotNull @Positive Long customerId,
        @NotNull @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$",
                message = "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'") String orderRef,
        @NotNull @Min(1) @Max(100_000_000) Long amountCents) {
}
