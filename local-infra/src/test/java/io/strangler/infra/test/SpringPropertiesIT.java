package io.strangler.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.infra.LocalKafka;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@WithPostgres(database = "spring_wiring")
@WithKafka
@SpringJUnitConfig(SpringPropertiesIT.Empty.class)
class SpringPropertiesIT {

    @Configuration
    static class Empty {
    }

    @Autowired
    Environment env;

    @Test
    void shouldPointSpringDatasourcePropertiesAtTheTestDatabase() throws Exception {
        String url = env.getRequiredProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:postgresql://").endsWith("/spring_wiring");
        try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void shouldPointSpringKafkaPropertiesAtTheTestBroker() {
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(LocalKafka.shared().bootstrapServers());
    }

    @Test
    void shouldDeriveDatabaseNamesFromTheTestClassWhenNoneIsGiven() {
        @WithPostgres
        class OrderPlacementIT {
        }
        assertThat(TestInfrastructure.databaseName(OrderPlacementIT.class, OrderPlacementIT.class.getAnnotation(WithPostgres.class)))
                .isEqualTo("t_order_placement_it");
    }
}
