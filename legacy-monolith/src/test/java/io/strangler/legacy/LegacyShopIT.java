package io.strangler.legacy;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.strangler.infra.test.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the legacy shop's Spring ITs: the whole app on a random port over the {@code legacy_it} database, one Spring
 * context shared by every subclass. Before each test the shop's tables are emptied ({@link #db}) and {@link #shop}
 * talks to the running app; a subclass's own {@code @BeforeEach} runs after that. Every request is traced; finished spans
 * go to {@link FinishedSpans}.
 */
@WithPostgres(database = "legacy_it")
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms"})
@Import(FinishedSpans.class)
public abstract class LegacyShopIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ShopFixtures db;
    protected ShopClient shop;

    @BeforeEach
    final void emptyTheShopAndConnect() {
        db = new ShopFixtures(jdbc).clean();
        shop = new ShopClient(port);
    }
}
