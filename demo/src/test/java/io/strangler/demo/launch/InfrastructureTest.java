package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureTest {

    @Test
    void shouldPointAnExternalServerUrlAtTheServicesOwnDatabase() {
        assertThat(Infrastructure.withDatabase("jdbc:postgresql://db:5432/postgres", "legacy"))
                .isEqualTo("jdbc:postgresql://db:5432/legacy");
        assertThat(Infrastructure.withDatabase("jdbc:postgresql://db1,db2:5432/app?sslmode=require", "legacy"))
                .isEqualTo("jdbc:postgresql://db1,db2:5432/legacy?sslmode=require");
        assertThat(Infrastructure.withDatabase("jdbc:postgresql://db", "legacy"))
                .isEqualTo("jdbc:postgresql://db/legacy");
    }

    @Test
    void shouldRejectAnExternalUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> Infrastructure.withDatabase("jdbc:mysql://db/shop", "legacy"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL must be a PostgreSQL URL");
    }
}
