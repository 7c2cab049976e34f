package io.strangler.catalog.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The {@code ProductInput} of the shop's contract, with its rules. */
record ProductInput(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{2,31}$") String sku,
        @NotNull @Size(min = 1, max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull Long categoryId,
        @NotNull @Min(0) @Max(100_000_000) Long priceCents,
        @NotNull @Min(0) @Max(1_000_000) Integer stock,
        Boolean active) {

    String descriptionOrEmpty() {
        return description == null ? "" : description;
    }

    boolean activeOrDefault() {
        return active == null || active;
    }
}
