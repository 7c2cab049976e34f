package io.strangler.demo.landscape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services {@code ./strangler demo} starts, in start order. Adding a service is one entry here (see the
 * module README): the launcher derives its {@code --<x>-port} option, busy-port check, database, readiness wait,
 * log file and printed URLs from the {@link ServiceSpec}.
 */
public final class Landscape {

    /** Names of generated secrets, as printed to the user. */
    public static final String FLAGS_OPERATOR = "flag console 'operator'";
    public static final String FLAGS_VIEWER = "flag console 'viewer'";

    /** The legacy shop: one app, one database. Seeds itself from {@code shop.seed.*}. */
    public static final ServiceSpec LEGACY_SHOP = ServiceSpec.service("legacy-monolith", "legacy-monolith")
            .withTitle("legacy shop")
            .withPort(8081, "--legacy-port")
            .withDatabase("legacy")
            .withArguments(ctx -> ctx.seed().legacyShopArguments())
            .withUrl("storefront", "/")
            .withUrl("products API", "/api/products")
            .withUrl("metrics", "/actuator/prometheus");

    /** Products, categories and stock, extracted from the shop; its own database. */
    public static final ServiceSpec CATALOG = ServiceSpec.service("catalog-service", "extracted-services/catalog-service")
            .withTitle("catalog service")
            .withPort(8082, "--catalog-port")
            .withDatabase("catalog")
            .withUrl("products API", "/api/products");

    /**
     * Orders, placed by a saga: reserve stock in catalog, charge through the legacy shop's payments API, confirm.
     * It starts without its downstreams (it only needs them to place orders), so it starts beside them.
     */
    public static final ServiceSpec ORDERS = ServiceSpec.service("orders-service", "extracted-services/orders-service")
            .withTitle("orders service")
            .withPort(8083, "--orders-port")
            .withDatabase("orders")
            .withEnvironment(ctx -> Map.of(
                    "STRANGLER_ORDERS_CATALOG_URL", ctx.baseUrl(CATALOG.name()),
                    "STRANGLER_ORDERS_LEGACY_URL", ctx.baseUrl(LEGACY_SHOP.name()),
                    // a fixed id lets a restarted instance resume its own sagas without waiting for leases to expire
                    "STRANGLER_ORDERS_SAGA_INSTANCE_ID", "orders-demo"))
            .withUrl("orders API", "/api/orders");

    /**
     * Route modes as audited flags, and the flag console. Logins: {@code operator} (may change routes) and
     * {@code viewer} (read only; what gateways use), with passwords generated for each run.
     */
    public static final ServiceSpec FLAGS = ServiceSpec.service("flag-service", "feature-flags/flag-service")
            .withTitle("flag service")
            .withPort(8084, "--flags-port")
            .withDatabase("flags")
            .withEnvironment(ctx -> Map.of(
                    "STRANGLER_FLAGS_OPERATOR_PASSWORD", ctx.secrets().get(FLAGS_OPERATOR),
                    "STRANGLER_FLAGS_VIEWER_PASSWORD", ctx.secrets().get(FLAGS_VIEWER)))
            .withUrl("flag console", "/console")
            .withUrl("routes API", "/api/routes");

    /** Every service, in an order where each comes after what it depends on. */
    public static final List<ServiceSpec> SERVICES = validated(List.of(LEGACY_SHOP, CATALOG, ORDERS, FLAGS));

    private Landscape() {
    }

    /**
     * Checks that names, ports, port options and databases are unique and that every dependency is declared
     * earlier in the list.
     *
     * @return the same list
     * @throws IllegalArgumentException naming the first offending service
     */
    public static List<ServiceSpec> validated(List<ServiceSpec> services) {
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        Set<String> options = new HashSet<>();
        Set<String> databases = new HashSet<>();
        for (ServiceSpec s : services) {
            for (String dependency : s.dependsOn()) {
                if (!names.contains(dependency)) {
                    throw new IllegalArgumentException(s.name() + " depends on '" + dependency
                            + "', which is not declared before it");
                }
            }
            require(names.add(s.name()), s.name() + ": name used twice");
            require(ports.add(s.defaultPort()), s.name() + ": default port " + s.defaultPort() + " used twice");
            require(options.add(s.portOption()), s.name() + ": option " + s.portOption() + " used twice");
            s.database().ifPresent(db -> require(databases.add(db), s.name() + ": database " + db + " used twice"));
        }
        return List.copyOf(new ArrayList<>(services));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
