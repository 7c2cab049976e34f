package io.strangler.catalog;

import io.strangler.infra.test.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service on a random port over a real PostgreSQL database. Every IT of this module extends it, so they all share
 * one database and one Spring context; each test starts from an empty catalog.
 */
@WithPostgres(database = "catalog_it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CatalogIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected RestTestClient http;
    protected CatalogFixtures fixtures;

    @BeforeEach
    void connectAndClean() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        fixtures = new CatalogFixtures(jdbc);
        fixtures.deleteEverything();
    }
}
