package io.strangler.demo.landscape;

import io.strangler.demo.issuer.DemoIssuer;
import io.strangler.infra.PostgresDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ServiceSpec} can read when its arguments and environment are computed: the chosen ports of every
 * service, the databases created for them, a folder for their files, the seed sizes and the run's generated secrets.
 *
 * @param ports     service name to HTTP port, for every service of the landscape
 * @param seed      how much data the legacy shop generates
 * @param secrets   passwords generated for this run (printed when the landscape is ready)
 * @param dataDir   where services keep files that belong with the databases (absolute), e.g. CDC offsets: emptied
 *                  when the launcher starts with the embedded PostgreSQL, whose data is new on every run
 * @param databases service name to the database created for it, for every service that has one
 * @param managementPorts service name to management port, for every service that has one
 * @param issuer    the run's token issuer, whose keys the gateway trusts; null when the run has none (unit tests)
 */
public record LaunchContext(Map<String, Integer> ports, SeedSizes seed, DemoSecrets secrets, Path dataDir,
                            Map<String, PostgresDatabase> databases, Map<String, Integer> managementPorts,
                            DemoIssuer issuer) {

    public LaunchContext {
        ports = Map.copyOf(ports);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(secrets, "secrets");
        dataDir = dataDir.toAbsolutePath().normalize();
        databases = Map.copyOf(databases);
        managementPorts = Map.copyOf(managementPorts);
    }

    /** A context of services without management ports or token issuer. */
    public LaunchContext(Map<String, Integer> ports, SeedSizes seed, DemoSecrets secrets, Path dataDir,
                         Map<String, PostgresDatabase> databases) {
        this(ports, seed, secrets, dataDir, databases, Map.of(), null);
    }

    /** A context with management ports, without a token issuer. */
    public LaunchContext(Map<String, Integer> ports, SeedSizes seed, DemoSecrets secrets, Path dataDir,
                         Map<String, PostgresDatabase> databases, Map<String, Integer> managementPorts) {
        this(ports, seed, secrets, dataDir, databases, managementPorts, null);
    }

    /** A context with a token issuer, without management ports. */
    public LaunchContext(Map<String, Integer> ports, SeedSizes seed, DemoSecrets secrets, Path dataDir,
                         Map<String, PostgresDatabase> databases, DemoIssuer issuer) {
        this(ports, seed, secrets, dataDir, databases, Map.of(), issuer);
    }

    /** A context with fresh secrets, no databases, no token issuer and the default data folder. */
    public LaunchContext(Map<String, Integer> ports, SeedSizes seed) {
        this(ports, seed, new DemoSecrets(), Path.of(".strangler/run/data"), Map.of());
    }

    /** The HTTP port of a service of the landscape. */
    public int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("No service named '" + service + "' in the landscape");
        }
        return port;
    }

    /** {@code http://localhost:<port>} of a service, for services that call each other. */
    public String baseUrl(String service) {
        return "http://localhost:" + port(service);
    }

    /** {@code http://localhost:<management port>} of a service that has one (e.g. the gateway's admin API). */
    public String managementBaseUrl(String service) {
        Integer port = managementPorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("No management port for a service named '" + service + "'");
        }
        return "http://localhost:" + port;
    }

    /** How to reach the database of another service (e.g. for a sync that reads and writes both sides). */
    public PostgresDatabase database(String service) {
        PostgresDatabase database = databases.get(service);
        if (database == null) {
            throw new IllegalArgumentException("No database for a service named '" + service + "' in the landscape");
        }
        return database;
    }
}
