package io.strangler.demo.landscape;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ServiceSpec} can read when its arguments and environment are computed: the chosen ports of every
 * service, the seed sizes and the run's generated secrets.
 *
 * @param ports service name to HTTP port, for every service of the landscape
 * @param seed    how much data the legacy shop generates
 * @param secrets passwords generated for this run (printed when the landscape is ready)
 */
public record LaunchContext(Map<String, Integer> ports, SeedSizes seed, DemoSecrets secrets) {

    public LaunchContext {
        ports = Map.copyOf(ports);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** A context with fresh secrets. */
    public LaunchContext(Map<String, Integer> ports, SeedSizes seed) {
        this(ports, seed, new DemoSecrets());
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
}
