package io.strangler.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfraSettingsTest {

    @Test
    void shouldStartNothingWhenNoExternalServerIsConfigured() {
        InfraSettings settings = InfraSettings.of(Map.of(), Map.of());
        assertThat(settings.externalPostgres()).isEmpty();
        assertThat(settings.externalKafka()).isEmpty();
    }

    @Test
    void shouldReadExternalPostgresFromTheStandardEnvironmentVariables() {
        InfraSettings settings = InfraSettings.of(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.internal:5432/shop?sslmode=require",
                "SPRING_DATASOURCE_USERNAME", "shop",
                "SPRING_DATASOURCE_PASSWORD", "s3cret"), Map.of());
        assertThat(settings.externalPostgres()).hasValueSatisfying(db -> {
            assertThat(db.name()).isEqualTo("shop");
            assertThat(db.username()).isEqualTo("shop");
            assertThat(db.password()).isEqualTo("s3cret");
            assertThat(db.toString()).doesNotContain("s3cret");
        });
    }

    @Test
    void shouldPreferSystemPropertiesOverEnvironment() {
        InfraSettings settings = InfraSettings.of(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"),
                Map.of("spring.kafka.bootstrap-servers", "prop:9092"));
        assertThat(settings.externalKafka()).hasValue("prop:9092");
    }

    @Test
    void shouldAcceptSpringsOwnKafkaEnvironmentVariable() {
        InfraSettings settings = InfraSettings.of(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "k:9092"), Map.of());
        assertThat(settings.externalKafka()).hasValue("k:9092");
    }

    @Test
    void shouldIgnoreBlankValues() {
        InfraSettings settings = InfraSettings.of(Map.of("SPRING_DATASOURCE_URL", "  ", "KAFKA_BOOTSTRAP_SERVERS", ""), Map.of());
        assertThat(settings.externalPostgres()).isEmpty();
        assertThat(settings.externalKafka()).isEmpty();
    }

    @Test
    void shouldRejectAnExternalUrlThatIsNotPostgres() {
        InfraSettings settings = InfraSettings.of(Map.of("SPRING_DATASOURCE_URL", "jdbc:mysql://x/db"), Map.of());
        assertThatThrownBy(settings::externalPostgres)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void shouldKeepTheWorkFolderOutOfTheSystemTempFolderByDefault() {
        assertThat(InfraSettings.of(Map.of(), Map.of()).workDir())
                .isEqualTo(Path.of("target/local-infra").toAbsolutePath());
        assertThat(InfraSettings.of(Map.of(), Map.of("strangler.work-dir", "/srv/run")).workDir())
                .isEqualTo(Path.of("/srv/run"));
    }
}
