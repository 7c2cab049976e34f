package io.strangler.demo.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LandscapeTest {

    @Test
    void shouldStartTheLegacyShopFromItsJarWithItsOwnDatabaseAndSeedSizes() {
        ServiceSpec legacy = Landscape.SERVICES.get(0);
        LaunchContext context = new LaunchContext(Map.of("legacy-monolith", 8081), new SeedSizes(true, 10, 2, 3));

        assertThat(legacy.jar()).isEqualTo(Path.of("legacy-monolith/target/legacy-monolith.jar"));
        assertThat(legacy.defaultPort()).isEqualTo(8081);
        assertThat(legacy.portOption()).isEqualTo("--legacy-port");
        assertThat(legacy.database()).contains("legacy");
        assertThat(legacy.readinessPath()).isEqualTo("/actuator/health/readiness");
        assertThat(legacy.arguments().apply(context)).containsExactly("--shop.seed.enabled=true",
                "--shop.seed.products=10", "--shop.seed.customers=2", "--shop.seed.orders=3");
    }

    @Test
    void shouldPointTheOrdersSagaAtTheChosenPortsOfCatalogAndTheLegacyShop() {
        LaunchContext context = new LaunchContext(Map.of("legacy-monolith", 18081, "catalog-service", 18082),
                new SeedSizes(false, 1, 1, 1));

        assertThat(Landscape.ORDERS.environment().apply(context))
                .containsEntry("STRANGLER_ORDERS_CATALOG_URL", "http://localhost:18082")
                .containsEntry("STRANGLER_ORDERS_LEGACY_URL", "http://localhost:18081");
    }

    @Test
    void shouldGiveTheFlagServiceFreshPasswordsThatTheLauncherCanPrint() {
        LaunchContext first = new LaunchContext(Map.of(), new SeedSizes(false, 1, 1, 1));
        LaunchContext second = new LaunchContext(Map.of(), new SeedSizes(false, 1, 1, 1));

        Map<String, String> env = Landscape.FLAGS.environment().apply(first);

        String operator = env.get("STRANGLER_FLAGS_OPERATOR_PASSWORD");
        String viewer = env.get("STRANGLER_FLAGS_VIEWER_PASSWORD");
        assertThat(operator).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(viewer);
        assertThat(first.secrets().generated())
                .containsEntry(Landscape.FLAGS_OPERATOR, operator)
                .containsEntry(Landscape.FLAGS_VIEWER, viewer);
        assertThat(Landscape.FLAGS.environment().apply(first)).isEqualTo(env); // stable within a run
        assertThat(Landscape.FLAGS.environment().apply(second).get("STRANGLER_FLAGS_OPERATOR_PASSWORD"))
                .isNotEqualTo(operator); // fresh for every run
    }

    @Test
    void shouldRequireDependenciesToBeDeclaredFirst() {
        ServiceSpec gateway = ServiceSpec.service("gateway", "strangler-gateway").withDependsOn("legacy-monolith");

        assertThatThrownBy(() -> Landscape.validated(List.of(gateway, Landscape.LEGACY_SHOP)))
                .hasMessage("gateway depends on 'legacy-monolith', which is not declared before it");
        assertThat(Landscape.validated(List.of(Landscape.LEGACY_SHOP, gateway))).hasSize(2);
    }

    @Test
    void shouldRejectTwoServicesOnOnePortOptionOrDatabase() {
        ServiceSpec copy = ServiceSpec.service("catalog-service", "x").withPort(8081, "--catalog-port");
        assertThatThrownBy(() -> Landscape.validated(List.of(Landscape.LEGACY_SHOP, copy)))
                .hasMessageContaining("default port 8081 used twice");

        ServiceSpec sameOption = ServiceSpec.service("catalog-service", "x").withPort(8082, "--legacy-port");
        assertThatThrownBy(() -> Landscape.validated(List.of(Landscape.LEGACY_SHOP, sameOption)))
                .hasMessageContaining("option --legacy-port used twice");

        ServiceSpec sameDb = ServiceSpec.service("catalog-service", "x").withPort(8082, "--catalog-port")
                .withDatabase("legacy");
        assertThatThrownBy(() -> Landscape.validated(List.of(Landscape.LEGACY_SHOP, sameDb)))
                .hasMessageContaining("database legacy used twice");
    }

    @Test
    void shouldRejectMalformedSpecs() {
        assertThatThrownBy(() -> ServiceSpec.service("Catalog", "x")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ServiceSpec.service("catalog", "x").withPort(70000, "--catalog-port"))
                .hasMessageContaining("1-65535");
        assertThatThrownBy(() -> ServiceSpec.service("catalog", "x").withPort(8082, "catalog"))
                .hasMessageContaining("--name-port");
        assertThatThrownBy(() -> ServiceSpec.service("catalog", "x").withDatabase("Catalog-DB"))
                .hasMessageContaining("database name");
        assertThatThrownBy(() -> new SeedSizes(true, 0, 1, 0)).hasMessageContaining("products must be 1-999999");
    }
}
