package io.strangler.legacy.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the database at startup when {@code shop.seed.enabled=true} and {@code PRODUCTS} is empty. Runners run
 * before Spring Boot publishes {@code ApplicationReadyEvent}, which is what flips readiness to
 * {@code ACCEPTING_TRAFFIC}: {@code /actuator/health/readiness} reports UP only after seeding finished.
 */
@Component
class SeedRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

    private final SeedProperties properties;
    private final SeedWriter writer;
    private final JdbcClient jdbc;

    SeedRunner(SeedProperties properties, SeedWriter writer, JdbcClient jdbc) {
        this.properties = properties;
        this.writer = writer;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        long products = jdbc.sql("SELECT COUNT(*) FROM PRODUCTS").query(Long.class).single();
        if (products > 0) {
            log.info("Seeding skipped: PRODUCTS already holds {} rows", products);
            return;
        }
        long start = System.nanoTime();
        SeedData data = SeedDataGenerator.generate(properties.sizes(), properties.randomSeed());
        writer.write(data);
        log.info("Seeded {} categories, {} products, {} customers, {} orders (seed {}) in {} ms",
                data.categories().size(), data.products().size(), data.customers().size(), data.orders().size(),
                properties.randomSeed(), (System.nanoTime() - start) / 1_000_000);
    }
}
