package io.strangler.legacy.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedDataGeneratorTest {

    static final SeedSizes SIZES = new SeedSizes(40, 3000, 500, 5000);

    @Test
    void shouldGenerateTheSameDataForTheSameSeed() {
        assertThat(SeedDataGenerator.generate(SIZES, 42)).isEqualTo(SeedDataGenerator.generate(SIZES, 42));
    }

    @Test
    void shouldGenerateOtherDataForAnotherSeed() {
        SeedSizes small = new SeedSizes(5, 50, 10, 20);
        assertThat(SeedDataGenerator.generate(small, 1)).isNotEqualTo(SeedDataGenerator.generate(small, 2));
    }

    @Test
    void shouldGenerateTheRequestedSizes() {
        SeedData data = SeedDataGenerator.generate(SIZES, 42);
        assertThat(data.categories()).hasSize(40);
        assertThat(data.products()).hasSize(3000);
        assertThat(data.customers()).hasSize(500);
        assertThat(data.orders()).hasSize(5000);
    }

    @Test
    void shouldKeepSkusEmailsAndCategoryNamesUnique() {
        SeedData data = SeedDataGenerator.generate(SIZES, 42);
        assertThat(data.products().stream().map(SeedData.Product::sku).distinct()).hasSize(3000);
        assertThat(data.products()).allMatch(p -> p.sku().matches("^[A-Z0-9][A-Z0-9-]{2,31}$"));
        assertThat(data.customers().stream().map(c -> c.email().toLowerCase()).distinct()).hasSize(500);
        assertThat(data.categories().stream().map(SeedData.Category::name).distinct()).hasSize(40);
    }

    @Test
    void shouldOnlyGenerateOrdersThatTheApiWouldAccept() {
        SeedData data = SeedDataGenerator.generate(SIZES, 42);
        assertThat(data.orders()).allSatisfy(o -> {
            assertThat(o.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
            assertThat(o.lines().stream().map(SeedData.Line::productIndex).distinct()).hasSameSizeAs(o.lines());
            assertThat(o.totalCents()).isEqualTo(o.lines().stream()
                    .mapToLong(l -> l.unitPriceCents() * l.quantity()).sum());
        });
        var captured = data.orders().stream().filter(o -> !o.refunded())
                .collect(Collectors.groupingBy(SeedData.Order::customerIndex,
                        Collectors.summingLong(SeedData.Order::totalCents)));
        captured.forEach((customer, total) ->
                assertThat(data.customers().get(customer).creditLimitCents()).isGreaterThan(total));
        assertThat(data.customers()).allMatch(c -> c.creditLimitCents() <= 100_000_000);
    }

    @Test
    void shouldRefuseSizesWithoutProductsOrCustomers() {
        assertThatThrownBy(() -> new SeedSizes(1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
