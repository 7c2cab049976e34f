package io.strangler.demo.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.infra.PostgresDatabase;
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
    void shouldPointTheGatewayAtTheFlagServiceAsViewerAndAtTheChosenPortsOfEveryBackend() {
        LaunchContext context = new LaunchContext(Map.of("legacy-monolith", 18081, "catalog-service", 18082,
                "orders-service", 18083, "flag-service", 18084), new SeedSizes(false, 1, 1, 1), new DemoSecrets(),
                Path.of("/tmp/run/data"), Map.of());

        List<String> args = Landscape.GATEWAY.arguments().apply(context);

        assertThat(args).contains(
                "--strangler.flags.client.base-url=http://localhost:18084",
                "--strangler.flags.client.username=viewer",
                "--strangler.flags.client.password=" + context.secrets().get(Landscape.FLAGS_VIEWER),
                "--strangler.flags.client.snapshot-file=/tmp/run/data/gateway-route-modes.json",
                "--strangler.gateway.legacy-uri=http://localhost:18081",
                "--strangler.gateway.routes[0].id=catalog",
                "--strangler.gateway.routes[0].new-uri=http://localhost:18082",
                "--strangler.gateway.routes[1].id=orders",
                "--strangler.gateway.routes[1].new-uri=http://localhost:18083");
        assertThat(Landscape.GATEWAY.management()).contains(new ServiceSpec.ManagementPort(9080, "--gateway-admin-port"));
        assertThat(Landscape.GATEWAY.dependsOn()).containsExactly("flag-service");
    }

    @Test
    void shouldGiveCdcSyncTheLegacyCatalogAndOrdersDatabasesKafkaAndAGeneratedOperatorPassword() {
        var legacy = new PostgresDatabase("legacy", "jdbc:postgresql://127.0.0.1:5/legacy", "postgres", "");
        var catalog = new PostgresDatabase("catalog", "jdbc:postgresql://127.0.0.1:5/catalog", "postgres", "pw");
        var orders = new PostgresDatabase("orders", "jdbc:postgresql://127.0.0.1:5/orders", "postgres", "");
        LaunchContext context = new LaunchContext(Map.of(), new SeedSizes(false, 1, 1, 1), new DemoSecrets(),
                Path.of("/tmp/run/data"), Map.of("legacy-monolith", legacy, "catalog-service", catalog,
                        "orders-service", orders));

        Map<String, String> env = Landscape.CDC.environment().apply(context);

        assertThat(env)
                .containsEntry("CDC_LEGACY_JDBC_URL", legacy.jdbcUrl())
                .containsEntry("CDC_LEGACY_USERNAME", "postgres")
                .containsEntry("CDC_LEGACY_PASSWORD", "")
                .containsEntry("CDC_CATALOG_JDBC_URL", catalog.jdbcUrl())
                .containsEntry("CDC_CATALOG_PASSWORD", "pw")
                .containsEntry("CDC_ORDERS_JDBC_URL", orders.jdbcUrl())
                .containsEntry("SPRING_PROFILES_ACTIVE", "orders")
                .containsEntry("CDC_API_USERNAME", "operator")
                .containsEntry("CDC_API_PASSWORD", context.secrets().get(Landscape.CDC_OPERATOR))
                .containsEntry("CDC_DATA_DIR", "/tmp/run/data/cdc");
        assertThat(Landscape.CDC.usesKafka()).isTrue();
        assertThat(Landscape.CDC.database()).isEmpty();
        assertThat(Landscape.CDC.dependsOn())
                .containsExactlyInAnyOrder("legacy-monolith", "catalog-service", "orders-service");
    }

    @Test
    void shouldNameTheServiceWhoseDatabaseIsAskedForButMissing() {
        LaunchContext context = new LaunchContext(Map.of(), new SeedSizes(false, 1, 1, 1));

        assertThatThrownBy(() -> Landscape.CDC.environment().apply(context))
                .hasMessage("No database for a service named 'legacy-monolith' in the landscape");
    }

    @Test
    void shouldRejectAManagementPortOrOptionThatAnotherServiceUses() {
        ServiceSpec samePort = ServiceSpec.service("gateway", "x").withPort(8080, "--gateway-port")
                .withManagementPort(8081, "--gateway-admin-port");
        assertThatThrownBy(() -> Landscape.validated(List.of(Landscape.LEGACY_SHOP, samePort)))
                .hasMessageContaining("gateway: default port 8081 used twice");

        ServiceSpec sameOption = ServiceSpec.service("gateway", "x").withPort(8080, "--gateway-port")
                .withManagementPort(9080, "--legacy-port");
        assertThatThrownBy(() -> Landscape.validated(List.of(Landscape.LEGACY_SHOP, sameOption)))
                .hasMessageContaining("option --legacy-port used twice");
    }

    @Test
    void shouldRejectAManagementPortThatIsTheServicesOwnHttpPortOrAManagementUrlWithoutOne() {
        assertThatThrownBy(() -> ServiceSpec.service("gateway", "x").withPort(8080, "--gateway-port")
                .withManagementPort(8080, "--gateway-admin-port"))
                .hasMessageContaining("management port needs a port and option of its own");
        assertThatThrownBy(() -> ServiceSpec.service("gateway", "x").withManagementPort(9080, "admin"))
                .hasMessageContaining("--name-port");
        assertThatThrownBy(() -> ServiceSpec.service("gateway", "x").withManagementUrl("routes", "/admin/routes"))
                .hasMessageContaining("needs withManagementPort first");
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
    @Test
    void shouldPointTheConsoleAtTheFlagServiceGatewayManagementAndCdcSyncWithGeneratedPasswords() {
        LaunchContext context = new LaunchContext(Map.of("flag-service", 18084, "cdc-sync", 18085,
                "strangler-gateway", 18080), new SeedSizes(false, 1, 1, 1), new DemoSecrets(), Path.of("/tmp/run/data"),
                Map.of(), Map.of("strangler-gateway", 19080));

        Map<String, String> env = Landscape.CONSOLE.environment().apply(context);

        assertThat(env).containsEntry("STRANGLER_CONSOLE_FLAGS_URL", "http://localhost:18084")
                .containsEntry("STRANGLER_CONSOLE_FLAGS_PASSWORD", context.secrets().get(Landscape.FLAGS_OPERATOR))
                .containsEntry("STRANGLER_CONSOLE_GATEWAY_MANAGEMENT_URL", "http://localhost:19080")
                .containsEntry("STRANGLER_CONSOLE_CDC_URL", "http://localhost:18085")
                .containsEntry("STRANGLER_CONSOLE_OPERATOR_PASSWORD", context.secrets().get(Landscape.CONSOLE_OPERATOR))
                .containsEntry("STRANGLER_CONSOLE_VIEWER_PASSWORD", context.secrets().get(Landscape.CONSOLE_VIEWER));
        assertThat(Landscape.CONSOLE.arguments().apply(new LaunchContext(Map.of("legacy-monolith", 18081,
                "catalog-service", 18082, "orders-service", 18083, "flag-service", 18084, "cdc-sync", 18085,
                "strangler-gateway", 18080), new SeedSizes(false, 1, 1, 1), new DemoSecrets(), Path.of("/tmp"), Map.of(),
                Map.of("strangler-gateway", 19080)))).contains(
                "--strangler.runbooks.services.catalog-service=http://localhost:18082/actuator/health",
                "--strangler.runbooks.services.strangler-gateway=http://localhost:19080/actuator/health");
        assertThat(env).containsEntry("STRANGLER_RUNBOOKS_CDC_PASSWORD", context.secrets().get(Landscape.CDC_OPERATOR));
        assertThat(Landscape.CONSOLE.defaultPort()).isEqualTo(8086);
        assertThat(Landscape.CONSOLE.portOption()).isEqualTo("--console-port");
        assertThat(Landscape.CONSOLE.database()).contains("console");
        assertThat(Landscape.SERVICES.indexOf(Landscape.CONSOLE)).isGreaterThan(Landscape.SERVICES.indexOf(Landscape.GATEWAY));
    }

    @Test
    void shouldStartTheExtractedServicesWithTheProfileThatAllowsFaultsOnDemand() {
        LaunchContext context = new LaunchContext(Map.of("legacy-monolith", 18081, "catalog-service", 18082),
                new SeedSizes(false, 1, 1, 1));

        assertThat(Landscape.CATALOG.environment().apply(context)).containsEntry("SPRING_PROFILES_ACTIVE", "demo");
        assertThat(Landscape.ORDERS.environment().apply(context)).containsEntry("SPRING_PROFILES_ACTIVE", "demo");
        assertThat(Landscape.LEGACY_SHOP.environment().apply(context)).doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }
}
