package io.strangler.legacy.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products} and {@code PUT /api/products/{id}} (full replacement). */
record ProductInput(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{2,31}$",
                message = "must be 3-32 upper-case letters, digits or '-', not starting with '-'") String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull @Positive Long categoryId,
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
