package io.strangler.legacy.customers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/customers}. */
record CustomerInput(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @Min(0) @Max(100_000_000) Long creditLimitCents) {

    static final long DEFAULT_CREDIT_LIMIT_CENTS = 100_000;

    long creditLimitOrDefault() {
        return creditLimitCents == null ? DEFAULT_CREDIT_LIMIT_CENTS : creditLimitCents;
    }
}
