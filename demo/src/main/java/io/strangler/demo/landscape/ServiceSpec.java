package io.strangler.demo.landscape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How the launcher starts one service of the landscape: {@code java -jar <jar> <arguments>} with {@code SERVER_PORT},
 * its own database on the shared PostgreSQL server (if it has one) and Kafka (if it uses it) passed as environment.
 *
 * <p>Immutable; build one with {@link #service(String, String)} and the {@code with…} methods, as in
 * {@link Landscape#SERVICES}.
 *
 * @param name           unique, lower-case with dashes; names the log file and the process in messages
 * @param title          what a user calls it ("legacy shop")
 * @param jar            the runnable jar, relative to the repository root
 * @param defaultPort    the HTTP port (see DESIGN.md)
 * @param portOption     the command-line option that changes the port, e.g. {@code --legacy-port}
 * @param management     a separate management port (actuator, admin API), passed as {@code MANAGEMENT_SERVER_PORT};
 *                       readiness is polled there when present
 * @param database       the database created for it on the shared server; empty when it has none
 * @param usesKafka      whether it gets {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param readinessPath  polled until it answers 200 (on the management port if there is one)
 * @param dependsOn      names of services that must be ready before this one starts
 * @param arguments      service-specific arguments, computed when the landscape starts
 * @param environment    service-specific environment variables, computed when the landscape starts
 * @param urls           what to print once it is ready
 * @param jvmOptions     options for the service's JVM
 */
public record ServiceSpec(
        String name,
        String title,
        Path jar,
        int defaultPort,
        String portOption,
        Optional<ManagementPort> management,
        Optional<String> database,
        boolean usesKafka,
        String readinessPath,
        List<String> dependsOn,
        Function<LaunchContext, List<String>> arguments,
        Function<LaunchContext, Map<String, String>> environment,
        List<Url> urls,
        List<String> jvmOptions) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DATABASE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PORT_OPTION = Pattern.compile("--[a-z][a-z0-9-]*-port");

    /** The JVM options every service gets unless it says otherwise: quick start and a modest heap on a laptop. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Service name '" + name + "': use lower-case letters, digits, '-'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(jar, "jar");
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException(name + ": default port must be 1-65535, was " + defaultPort);
        }
        requirePortOption(name, portOption);
        management.ifPresent(m -> {
            requirePortOption(name, m.option());
            if (m.defaultPort() == defaultPort || m.option().equals(portOption)) {
                throw new IllegalArgumentException(name + ": the management port needs a port and option of its own");
            }
        });
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(database, "database");
        database.filter(db -> !DATABASE.matcher(db).matches()).ifPresent(db -> {
            throw new IllegalArgumentException(name + ": database name '" + db
                    + "': use lower-case letters, digits and '_', starting with a letter");
        });
        Objects.requireNonNull(readinessPath, "readinessPath");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(environment, "environment");
        urls = List.copyOf(urls);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * A service named {@code name} whose jar is {@code <module>/target/<name>.jar}, on port 8080, no database, no
     * Kafka, readiness at {@code /actuator/health/readiness}, no dependencies or extra arguments.
     *
     * @param module the Maven module folder, relative to the repository root
     */
    public static ServiceSpec service(String name, String module) {
        return new ServiceSpec(name, name, Path.of(module, "target", name + ".jar"), 8080, "--" + name + "-port",
                Optional.empty(), Optional.empty(), false, "/actuator/health/readiness", List.of(), ctx -> List.of(),
                ctx -> Map.of(), List.of(), DEFAULT_JVM_OPTIONS);
    }

    public ServiceSpec withTitle(String title) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka,
                readinessPath, dependsOn, arguments, environment, urls, jvmOptions);
    }

    public ServiceSpec withPort(int port, String option) {
        return new ServiceSpec(name, title, jar, port, option, management, database, usesKafka, readinessPath,
                dependsOn, arguments, environment, urls, jvmOptions);
    }

    /**
     * Gives the service a management port of its own (default {@code port}, changed with {@code option}): passed
     * as {@code MANAGEMENT_SERVER_PORT}, checked like the HTTP port, and where readiness is polled.
     */
    public ServiceSpec withManagementPort(int port, String option) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, Optional.of(new ManagementPort(port, option)),
                database, usesKafka, readinessPath, dependsOn, arguments, environment, urls, jvmOptions);
    }

    public ServiceSpec withDatabase(String databaseName) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, Optional.of(databaseName),
                usesKafka, readinessPath, dependsOn, arguments, environment, urls, jvmOptions);
    }

    public ServiceSpec withKafka() {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, true, readinessPath,
                dependsOn, arguments, environment, urls, jvmOptions);
    }

    public ServiceSpec withReadinessPath(String path) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka, path,
                dependsOn, arguments, environment, urls, jvmOptions);
    }

    public ServiceSpec withDependsOn(String... services) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka,
                readinessPath, List.of(services), arguments, environment, urls, jvmOptions);
    }

    public ServiceSpec withArguments(Function<LaunchContext, List<String>> args) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka,
                readinessPath, dependsOn, args, environment, urls, jvmOptions);
    }

    public ServiceSpec withEnvironment(Function<LaunchContext, Map<String, String>> env) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka,
                readinessPath, dependsOn, arguments, env, urls, jvmOptions);
    }

    public ServiceSpec withUrl(String label, String path) {
        return withUrl(new Url(label, path, false));
    }

    /** A link on the management port (see {@link #withManagementPort}). */
    public ServiceSpec withManagementUrl(String label, String path) {
        if (management.isEmpty()) {
            throw new IllegalArgumentException(name + ": a management URL needs withManagementPort first");
        }
        return withUrl(new Url(label, path, true));
    }

    private ServiceSpec withUrl(Url url) {
        List<Url> more = new ArrayList<>(urls);
        more.add(url);
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka,
                readinessPath, dependsOn, arguments, environment, more, jvmOptions);
    }

    public ServiceSpec withJvmOptions(String... options) {
        return new ServiceSpec(name, title, jar, defaultPort, portOption, management, database, usesKafka,
                readinessPath, dependsOn, arguments, environment, urls, List.of(options));
    }

    private static void requirePortOption(String name, String option) {
        if (option == null || !PORT_OPTION.matcher(option).matches()) {
            throw new IllegalArgumentException(name + ": port option must look like --name-port, was " + option);
        }
    }

    /**
     * A service's separate management port.
     *
     * @param defaultPort the port unless its option says otherwise
     * @param option      the command-line option that changes it, e.g. {@code --gateway-admin-port}
     */
    public record ManagementPort(int defaultPort, String option) {
        public ManagementPort {
            if (defaultPort < 1 || defaultPort > 65535) {
                throw new IllegalArgumentException("management port must be 1-65535, was " + defaultPort);
            }
        }
    }

    /**
     * A link printed once the service is ready.
     *
     * @param label      what it is ("storefront")
     * @param path       absolute path on the service, starting with {@code /}
     * @param management whether it is on the management port rather than the HTTP port
     */
    public record Url(String label, String path, boolean management) {
        public Url {
            Objects.requireNonNull(label, "label");
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("URL path must start with '/', was " + path);
            }
        }
    }
}
