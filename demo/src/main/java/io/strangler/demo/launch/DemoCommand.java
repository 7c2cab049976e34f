package io.strangler.demo.launch;

import io.strangler.demo.landscape.SeedSizes;
import io.strangler.demo.landscape.ServiceSpec;
import io.strangler.infra.InfraSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./strangler demo}: validates the options, then hands the landscape to a {@link Launcher}.
 *
 * <p>Each service's {@code --<x>-port} option is generated from its {@link ServiceSpec} (see {@link #command}).
 */
@Command(name = "demo", sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true,
        header = "Start the whole landscape on this machine; Ctrl-C stops it.",
        description = {
            "Starts the whole landscape on this machine: an embedded PostgreSQL and Kafka broker in this process, "
                    + "then each service as its own process with a database of its own. Waits until every service "
                    + "is ready, seeds the legacy shop, prints the URLs and runs until Ctrl-C, which stops "
                    + "everything.",
            "",
            "Logs go to <run-dir>/logs/<service>.log. To use external servers instead of the embedded ones, set "
                    + "SPRING_DATASOURCE_URL (with _USERNAME, _PASSWORD) and/or KAFKA_BOOTSTRAP_SERVERS.",
            ""})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--postgres-port", order = 50, paramLabel = "PORT", defaultValue = "54320",
            converter = OptionConverters.Port.class,
            description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    private int postgresPort;

    @Option(names = "--seed-products", order = 60, paramLabel = "N", defaultValue = "" + SeedSizes.DEFAULT_PRODUCTS,
            converter = OptionConverters.Products.class,
            description = "Products the legacy shop generates (default: ${DEFAULT-VALUE}).")
    private int seedProducts;

    @Option(names = "--seed-customers", order = 61, paramLabel = "N",
            defaultValue = "" + SeedSizes.DEFAULT_CUSTOMERS, converter = OptionConverters.Customers.class,
            description = "Customers the legacy shop generates (default: ${DEFAULT-VALUE}).")
    private int seedCustomers;

    @Option(names = "--seed-orders", order = 62, paramLabel = "N", defaultValue = "" + SeedSizes.DEFAULT_ORDERS,
            converter = OptionConverters.Orders.class,
            description = "Orders the legacy shop generates (default: ${DEFAULT-VALUE}).")
    private int seedOrders;

    @Option(names = "--no-seed", order = 63, description = "Start with empty databases.")
    private boolean noSeed;

    @Option(names = "--startup-timeout", order = 70, paramLabel = "SECONDS", defaultValue = "120",
            converter = OptionConverters.TimeoutSeconds.class,
            description = "How long each service may take to become ready (default: ${DEFAULT-VALUE}).")
    private int startupTimeoutSeconds;

    @Option(names = "--run-dir", order = 71, paramLabel = "DIR", defaultValue = ".strangler/run",
            description = "Folder for logs, pids and the servers' files (default: ${DEFAULT-VALUE}).")
    private Path runDir;

    @Option(names = "--rebuild", order = 98,
            description = "Build every jar first, even those present (done by the ./strangler script).")
    @SuppressWarnings("unused") // acted on by ./strangler; declared so that it is documented and accepted
    private boolean rebuild;

    @Option(names = {"-h", "--help"}, order = 99, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final List<ServiceSpec> services;
    private final InfraSettings infra;
    private final Launcher launcher;

    DemoCommand(List<ServiceSpec> services, InfraSettings infra, Launcher launcher) {
        this.services = List.copyOf(services);
        this.infra = infra;
        this.launcher = launcher;
    }

    /** The {@code demo} command line, with a {@code --<x>-port} option per service of {@code services}. */
    public static CommandLine command(List<ServiceSpec> services, InfraSettings infra, Launcher launcher) {
        CommandLine cli = new CommandLine(new DemoCommand(services, infra, launcher));
        int order = 1;
        for (ServiceSpec service : services) {
            // declared here, not as annotated fields, so that adding a service to the landscape adds its option
            cli.getCommandSpec().addOption(portOption(service.portOption(), service.defaultPort(), order++,
                    "HTTP port of the " + service.title()));
            if (service.management().isPresent()) {
                ServiceSpec.ManagementPort management = service.management().get();
                cli.getCommandSpec().addOption(portOption(management.option(), management.defaultPort(), order++,
                        "Management port (actuator, admin API) of the " + service.title()));
            }
        }
        return cli;
    }

    private static OptionSpec portOption(String name, int defaultPort, int order, String what) {
        return OptionSpec.builder(name)
                .order(order)
                .paramLabel("PORT")
                .type(Integer.class)
                .converters(new OptionConverters.Port())
                .defaultValue(String.valueOf(defaultPort))
                .description(what + " (default: ${DEFAULT-VALUE}).")
                .build();
    }

    @Override
    public Integer call() throws Exception {
        return launcher.launch(settings());
    }

    DemoSettings settings() {
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            servicePorts.put(service.name(), spec.findOption(service.portOption()).<Integer>getValue());
            service.management().ifPresent(m -> managementPorts.put(service.name(),
                    spec.findOption(m.option()).<Integer>getValue()));
        }
        var externalPostgres = infra.externalPostgres();
        var externalKafka = infra.externalKafka();
        requireDistinctPorts(servicePorts, managementPorts, externalPostgres.isEmpty());
        if (runDir.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--run-dir must not be empty");
        }
        return new DemoSettings(Path.of(""), runDir, services, servicePorts, managementPorts, postgresPort,
                new SeedSizes(!noSeed, seedProducts, seedCustomers, seedOrders),
                Duration.ofSeconds(startupTimeoutSeconds), externalPostgres, externalKafka);
    }

    private void requireDistinctPorts(Map<String, Integer> servicePorts, Map<String, Integer> managementPorts,
            boolean embeddedPostgres) {
        Map<Integer, String> optionByPort = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            claim(optionByPort, servicePorts.get(service.name()), service.portOption());
            service.management().ifPresent(m -> claim(optionByPort, managementPorts.get(service.name()), m.option()));
        }
        if (embeddedPostgres) {
            claim(optionByPort, postgresPort, "--postgres-port");
        }
    }

    private void claim(Map<Integer, String> optionByPort, int port, String option) {
        String other = optionByPort.putIfAbsent(port, option);
        if (other != null) {
            throw new ParameterException(spec.commandLine(), "Port " + port + " is given to both " + other
                    + " and " + option + ": each server needs a port of its own");
        }
    }
}
