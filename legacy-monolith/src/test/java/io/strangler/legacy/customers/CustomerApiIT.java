package io.strangler.legacy.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import org.junit.jupiter.api.Test;

class CustomerApiIT extends LegacyShopIT {

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
