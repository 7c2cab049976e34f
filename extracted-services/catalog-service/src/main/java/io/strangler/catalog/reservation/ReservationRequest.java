package io.strangler.catalog.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What orders-service asks to reserve; {@code reservationId} is its idempotency key (e.g. {@code order-5001}). */
record ReservationRequest(
        @NotNull @Pattern(regexp = ReservationRequest.ID_PATTERN) String reservationId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines) {

    static final String ID_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";

    record Line(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
