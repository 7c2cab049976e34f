package io.strangler.legacy.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/orders}. */
record PlaceOrderRequest(@NotNull @Positive Long customerId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines) {

    record Line(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
