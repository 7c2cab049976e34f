package io.strangler.demo.landscape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The services {@code ./strangler demo} starts, in start order. Adding a service is one entry here (see the
 * module README): the launcher derives its {@code --<x>-port} option, busy-port check, database, readiness wait,
 * log file and printed URLs from the {@link ServiceSpec}.
 */
public final class Landscape {

    /** The legacy shop: one app, one database. Seeds itself from {@code shop.seed.*}. */
    public static final ServiceSpec LEGACY_SHOP = ServiceSpec.service("legacy-monolith", "legacy-monolith")
            .withTitle("legacy shop")
            .withPort(8081, "--legacy-port")
            .withDatabase("legacy")
            .withArguments(ctx -> ctx.seed().legacyShopArguments())
            .withUrl("storefront", "/")
            .withUrl("products API", "/api/products")
            .withUrl("metrics", "/actuator/prometheus");

    /** Every service, in an order where each comes after what it depends on. */
    public static final List<ServiceSpec> SERVICES = validated(List.of(LEGACY_SHOP));

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
