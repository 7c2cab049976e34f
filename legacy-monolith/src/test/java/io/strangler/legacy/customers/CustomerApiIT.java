package io.strangler.legacy.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.strangler.infra.test.WithPostgres;
import io.strangler.legacy.ShopClient;
import io.strangler.legacy.ShopFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@WithPostgres(database = "legacy_it")
@SpringBootTest(webEnvironment = RANDOM_PORT)
class CustomerApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ShopFixtures db;
    ShopClient shop;

    @BeforeEach
    void setUp() {
        db = new ShopFixtures(jdbc).clean();
        shop = new ShopClient(port);
    }

    @Test
    void shouldRegisterACustomerWithTheDefaultCreditLimit() {
        String location = shop.post("/api/customers", """
                {"email": "ada@example.com", "name": "Ada Lovelace"}""")
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.email").isEqualTo("ada@example.com")
                .jsonPath("$.name").isEqualTo("Ada Lovelace")
                .jsonPath("$.creditLimitCents").isEqualTo(100_000)
                .jsonPath("$.createdAt").isNotEmpty()
                .returnResult().getResponseHeaders().getLocation().toString();
        assertThat(location).matches("/api/customers/\\d+");
        shop.get(location).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Ada Lovelace");
        assertThat(jdbc.sql("SELECT FULL_NAME FROM CUSTOMERS WHERE EMAIL_ADDR = 'ada@example.com'")
                .query(String.class).single()).isEqualTo("Ada Lovelace");
    }

    @Test
    void shouldAcceptAnExplicitCreditLimit() {
        shop.post("/api/customers", """
                {"email": "grace@example.com", "name": "Grace Hopper", "creditLimitCents": 500000}""")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.creditLimitCents").isEqualTo(500_000);
    }

    @Test
    void shouldListNoOrdersForANewCustomer() {
        long id = db.customer("new@example.com", 100);
        shop.get("/api/customers/" + id + "/orders").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.totalItems").isEqualTo(0)
                .jsonPath("$.totalPages").isEqualTo(0);
    }
}
