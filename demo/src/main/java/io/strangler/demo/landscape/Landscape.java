package io.strangler.demo.landscape;

import io.strangler.demo.issuer.DemoIssuer;
import io.strangler.infra.PostgresDatabase;
import java.util.ArrayList;
import java.util.HashMap;
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
    public static final String CDC_OPERATOR = "cdc-sync API 'operator'";
    public static final String CONSOLE_OPERATOR = "migration console 'operator'";
    public static final String CONSOLE_VIEWER = "migration console 'viewer'";

    /** The Spring profile under which the extracted services accept faults on demand ({@code PUT /admin/faults}). */
    public static final String FAULTS_PROFILE = "demo";

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
            .withEnvironment(ctx -> Map.of("SPRING_PROFILES_ACTIVE", FAULTS_PROFILE))
            .withUrl("products API", "/api/products")
            .withUrl("faults on demand", "/admin/faults");

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
                    "STRANGLER_ORDERS_SAGA_INSTANCE_ID", "orders-demo",
                    "SPRING_PROFILES_ACTIVE", FAULTS_PROFILE))
            .withUrl("orders API", "/api/orders")
            .withUrl("faults on demand", "/admin/faults");

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

    /**
     * Keeps the legacy shop's database in sync with catalog-service's and orders-service's (Debezium to Kafka to
     * appliers; orders through the {@code orders} profile). No database of its own: it reads and writes theirs, so it
     * starts once they have migrated them (are ready).
     */
    public static final ServiceSpec CDC = ServiceSpec.service("cdc-sync", "cdc-sync")
            .withTitle("cdc-sync")
            .withPort(8085, "--cdc-port")
            .withKafka()
            .withDependsOn(LEGACY_SHOP.name(), CATALOG.name(), ORDERS.name())
            .withEnvironment(ctx -> {
                Map<String, String> env = new HashMap<>();
                env.putAll(jdbcEnvironment("CDC_LEGACY", ctx.database(LEGACY_SHOP.name())));
                env.putAll(jdbcEnvironment("CDC_CATALOG", ctx.database(CATALOG.name())));
                env.putAll(jdbcEnvironment("CDC_ORDERS", ctx.database(ORDERS.name())));
                env.put("SPRING_PROFILES_ACTIVE", "orders");
                env.put("CDC_API_USERNAME", "operator");
                env.put("CDC_API_PASSWORD", ctx.secrets().get(CDC_OPERATOR));
                env.put("CDC_DATA_DIR", ctx.dataDir().resolve("cdc").toString());
                return env;
            })
            .withUrl("status API", "/api/status")
            .withUrl("parity API", "/api/parity");

    /**
     * The front door: routes each request to legacy or the extracted service by the route's mode in the flag
     * service (read as {@code viewer}). Its actuator and comparison API are on a management port of their own.
     */
    public static final ServiceSpec GATEWAY = ServiceSpec.service("strangler-gateway", "strangler-gateway")
            .withTitle("gateway")
            .withPort(8080, "--gateway-port")
            .withManagementPort(9080, "--gateway-admin-port")
            .withDependsOn(FLAGS.name())
            .withArguments(Landscape::gatewayArguments)
            .withUrl("front door", "/")
            .withUrl("products through the gateway", "/api/products")
            .withManagementUrl("routes and modes", "/admin/routes")
            .withManagementUrl("comparison", "/admin/routes/catalog/comparison")
            .withManagementUrl("metrics", "/actuator/prometheus");

    /**
     * The operator's one place: routes, legacy-vs-new dashboards, data sync, runbook runs, audit. It reads the flag
     * service (and shifts routes there as its operator), the gateway's management port and cdc-sync; it starts without
     * them (its panels say what does not answer), so it depends on none. Logins {@code operator} and {@code viewer}.
     */
    public static final ServiceSpec CONSOLE = ServiceSpec.service("migration-console",
                    "migration-runbooks/migration-console")
            .withTitle("migration console")
            .withPort(8086, "--console-port")
            .withDatabase("console")
            .withEnvironment(Landscape::consoleEnvironment)
            .withArguments(Landscape::consoleArguments)
            .withUrl("console", "/");

    /** Every service, in an order where each comes after what it depends on. */
    public static final List<ServiceSpec> SERVICES = validated(List.of(LEGACY_SHOP, CATALOG, ORDERS, FLAGS, CDC,
            GATEWAY, CONSOLE));

    private Landscape() {
    }

    /**
     * The gateway's flag client and its route table pointed at the chosen ports. The whole table is given, not only
     * the URIs: Spring Boot replaces a list from a higher-priority source whole, so one {@code routes[0].new-uri}
     * would drop the rest of the route. Same routes and policies as the gateway's own {@code application.yml}.
     */
    private static List<String> gatewayArguments(LaunchContext ctx) {
        String legacy = ctx.baseUrl(LEGACY_SHOP.name());
        String route = "--strangler.gateway.routes";
        List<String> arguments = new ArrayList<>(List.of(
                "--strangler.flags.client.base-url=" + ctx.baseUrl(FLAGS.name()),
                "--strangler.flags.client.username=viewer",
                "--strangler.flags.client.password=" + ctx.secrets().get(FLAGS_VIEWER),
                "--strangler.flags.client.snapshot-file=" + ctx.dataDir().resolve("gateway-route-modes.json"),
                "--strangler.gateway.legacy-uri=" + legacy,
                route + "[0].id=catalog",
                route + "[0].paths=/api/products/**,/api/categories",
                route + "[0].legacy-uri=" + legacy,
                route + "[0].new-uri=" + ctx.baseUrl(CATALOG.name()),
                route + "[0].stickiness.header=X-Customer-Id",
                route + "[0].shadow.ignore-paths=$.generatedAt",
                route + "[0].shadow.learn-noise=true",
                route + "[1].id=orders",
                route + "[1].paths=/api/orders/**",
                route + "[1].legacy-uri=" + legacy,
                route + "[1].new-uri=" + ctx.baseUrl(ORDERS.name()),
                route + "[1].stickiness.header=X-Customer-Id",
                route + "[1].shadow.redact-fields=email,address,phone"));
        arguments.addAll(securityArguments(ctx));
        return arguments;
    }

    /**
     * Tokens of the run's issuer ({@code ./strangler token}): catalog reads stay public, orders need a token, writes to
     * either need scope {@code shop}; the storefront and everything else on the catch-all stay public.
     */
    private static List<String> securityArguments(LaunchContext ctx) {
        if (ctx.issuer() == null) {
            return List.of();
        }
        String route = "--strangler.gateway.routes";
        return List.of(
                "--strangler.gateway.security.jwt.jwk-set-uri=" + ctx.issuer().jwksUri(),
                "--strangler.gateway.security.jwt.issuer=" + ctx.issuer().issuer(),
                "--strangler.gateway.security.jwt.audiences=" + DemoIssuer.AUDIENCE,
                route + "[0].auth.policy=public",
                route + "[0].auth.write-scope=shop",
                route + "[1].auth.policy=authenticated",
                route + "[1].auth.write-scope=shop",
                // orders are per customer: 20 requests a second per token subject shows 429 on a burst
                route + "[1].rate-limit.requests=20",
                route + "[1].rate-limit.period=1s");
    }

    private static Map<String, String> consoleEnvironment(LaunchContext ctx) {
        Map<String, String> env = new HashMap<>();
        env.put("STRANGLER_CONSOLE_FLAGS_URL", ctx.baseUrl(FLAGS.name()));
        env.put("STRANGLER_CONSOLE_FLAGS_USERNAME", "operator");
        env.put("STRANGLER_CONSOLE_FLAGS_PASSWORD", ctx.secrets().get(FLAGS_OPERATOR));
        env.put("STRANGLER_CONSOLE_GATEWAY_MANAGEMENT_URL", ctx.managementBaseUrl(GATEWAY.name()));
        env.put("STRANGLER_CONSOLE_CDC_URL", ctx.baseUrl(CDC.name()));
        env.put("STRANGLER_CONSOLE_OPERATOR_PASSWORD", ctx.secrets().get(CONSOLE_OPERATOR));
        env.put("STRANGLER_CONSOLE_VIEWER_PASSWORD", ctx.secrets().get(CONSOLE_VIEWER));
        // the runbook engine inside the console changes table ownership and runs parity checks on cdc-sync
        env.put("STRANGLER_RUNBOOKS_CDC_USERNAME", "operator");
        env.put("STRANGLER_RUNBOOKS_CDC_PASSWORD", ctx.secrets().get(CDC_OPERATOR));
        return env;
    }

    /**
     * The health URL of every service the runbooks' check-health steps name, at the chosen ports (arguments, not
     * environment: the service names have dashes, which environment variables cannot carry into a map key).
     */
    private static List<String> consoleArguments(LaunchContext ctx) {
        String services = "--strangler.runbooks.services.";
        List<String> args = new ArrayList<>();
        for (ServiceSpec service : List.of(LEGACY_SHOP, CATALOG, ORDERS, FLAGS, CDC)) {
            args.add(services + service.name() + "=" + ctx.baseUrl(service.name()) + "/actuator/health");
        }
        args.add(services + GATEWAY.name() + "=" + ctx.managementBaseUrl(GATEWAY.name()) + "/actuator/health");
        return args;
    }

    /** {@code <PREFIX>_JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD} of a database. */
    private static Map<String, String> jdbcEnvironment(String prefix, PostgresDatabase db) {
        return Map.of(prefix + "_JDBC_URL", db.jdbcUrl(), prefix + "_USERNAME", db.username(),
                prefix + "_PASSWORD", db.password());
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
            s.management().ifPresent(m -> {
                require(ports.add(m.defaultPort()), s.name() + ": default port " + m.defaultPort() + " used twice");
                require(options.add(m.option()), s.name() + ": option " + m.option() + " used twice");
            });
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
