package io.strangler.legacy.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Deterministic shop data: the same sizes and seed always give the same {@link SeedData} (Datafaker with a seeded
 * {@link Random} and a fixed locale, no clock). Usable from tests without a database.
 */
public final class SeedDataGenerator {

    /** Historic orders are spread over the year before this instant. */
    static final Instant HISTORY_END = Instant.parse("2026-01-01T00:00:00Z");

    private final Random random;
    private final Faker faker;

    private SeedDataGenerator(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(Locale.ENGLISH, new Random(seed ^ 0x5DEECE66DL));
    }

    public static SeedData generate(SeedSizes sizes, long seed) {
        return new SeedDataGenerator(seed).generate(sizes);
    }

    private SeedData generate(SeedSizes sizes) {
        List<SeedData.Category> categories = categories(sizes.categories());
        List<SeedData.Product> products = products(sizes.products(), categories.size());
        List<String[]> people = people(sizes.customers());
        List<SeedData.Order> orders = orders(sizes.orders(), people.size(), products);
        return new SeedData(categories, products, customers(people, orders), orders);
    }

    private List<SeedData.Category> categories(int count) {
        int topLevel = Math.max(1, Math.min(8, count / 5));
        Set<String> names = new HashSet<>();
        List<SeedData.Category> categories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = faker.commerce().department();
            // departments repeat; a legacy catalogue would number them rather than refuse
            String unique = names.add(name) ? name : name + " " + (i + 1);
            names.add(unique);
            Integer parent = i < topLevel ? null : random.nextInt(topLevel);
            categories.add(new SeedData.Category(unique, parent));
        }
        return categories;
    }

    private List<SeedData.Product> products(int count, int categoryCount) {
        List<SeedData.Product> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String sku = String.format(Locale.ROOT, "SKU-%06d", i + 1);
            long price = 99 + random.nextInt(50_000) * 10L + 9;
            int stock = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(500);
            boolean active = random.nextInt(20) != 0;
            products.add(new SeedData.Product(sku, faker.commerce().productName(), faker.lorem().sentence(12),
                    random.nextInt(categoryCount), price, stock, active));
        }
        return products;
    }

    /** First and last names; e-mail addresses are made unique by the customer's number. */
    private List<String[]> people(int count) {
        List<String[]> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(new String[] {faker.name().firstName(), faker.name().lastName()});
        }
        return people;
    }

    private List<SeedData.Order> orders(int count, int customerCount, List<SeedData.Product> products) {
        List<SeedData.Order> orders = new ArrayList<>(count);
        long spanSeconds = Duration.ofDays(365).toSeconds();
        for (int i = 0; i < count; i++) {
            int lineCount = 1 + random.nextInt(4);
            Set<Integer> chosen = new HashSet<>();
            List<SeedData.Line> lines = new ArrayList<>(lineCount);
            long total = 0;
            while (lines.size() < lineCount && chosen.size() < products.size()) {
                int product = random.nextInt(products.size());
                if (chosen.add(product)) {
                    int qty = 1 + random.nextInt(3);
                    long unitPrice = products.get(product).priceCents();
                    lines.add(new SeedData.Line(product, qty, unitPrice));
                    total += unitPrice * qty;
                }
            }
            // orders are spread evenly over the year, in id order
            Instant placedAt = HISTORY_END.minusSeconds(spanSeconds - spanSeconds * i / Math.max(1, count));
            orders.add(new SeedData.Order(random.nextInt(customerCount), List.copyOf(lines), total,
                    random.nextInt(30) == 0, placedAt));
        }
        return orders;
    }

    /** Credit limits leave every customer headroom above what their captured seed orders already used. */
    private List<SeedData.Customer> customers(List<String[]> people, List<SeedData.Order> orders) {
        long[] captured = new long[people.size()];
        for (SeedData.Order order : orders) {
            if (!order.refunded()) {
                captured[order.customerIndex()] += order.totalCents();
            }
        }
        List<SeedData.Customer> customers = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            String first = people.get(i)[0];
            String last = people.get(i)[1];
            String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "")
                    + "." + (i + 1) + "@example.com";
            long limit = Math.max(500_000 + random.nextInt(20) * 100_000L, captured[i] + 1_000_000);
            Instant createdAt = HISTORY_END.minus(Duration.ofDays(400 + random.nextInt(1000)));
            customers.add(new SeedData.Customer(email, first + " " + last, limit, createdAt));
        }
        return customers;
    }
}
