package io.strangler.orders.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/orders}, validated as the shop's contract says. */
public record PlaceOrderRequest(
        @NotNull @Positive Long customerId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines) {

    /** One product and its quantity; a product appears at most once per order. */
    public record Line(
            @NotNull @Positive Long productId,
            @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
