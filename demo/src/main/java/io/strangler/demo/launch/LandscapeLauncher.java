package io.strangler.demo.launch;

import io.strangler.demo.landscape.ServiceSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The real {@code demo}: checks, starts the landscape, prints where everything is, runs until Ctrl-C / SIGTERM or
 * until a service dies, then stops everything. Exit code 0 after a requested stop, 1 after a failure.
 */
public final class LandscapeLauncher implements Launcher {

    /** System property the launcher's logback configuration writes to. */
    static final String LOG_FILE_PROPERTY = "strangler.log.file";
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private final PrintStream out;

    public LandscapeLauncher() {
        this(System.out);
    }

    LandscapeLauncher(PrintStream out) {
        this.out = out;
    }

    @Override
    public int launch(DemoSettings settings) throws InterruptedException {
        Progress progress = new Progress(out);
        prepareFolders(settings);
        progress.line("Strangler demo: starting the landscape (run folder " + settings.display(settings.runDir())
                + ")");
        PidFile pids = new PidFile(settings.pidsFile());
        Leftovers.stop(pids, settings.tmpDir(), out);
        if (settings.externalPostgres().isEmpty()) {
            // e.g. Debezium offsets of the last run's databases: the embedded server starts empty
            Leftovers.emptyFolder(settings.dataDir());
        }
        requireJars(settings);
        PortCheck.requireFree(portClaims(settings));
        pids.startRun();

        StopSignal stop = StopSignal.install();
        RunningLandscape landscape = new RunningLandscape(settings, pids, progress);
        // SIGHUP, System.exit, an error: whatever ends the JVM, the services and PostgreSQL go with it
        Runtime.getRuntime().addShutdownHook(new Thread(landscape::stop, "strangler-demo-stop"));
        int exitCode = 0;
        try {
            if (landscape.start(stop)) {
                printReady(settings, progress, landscape.kafkaBootstrapServers(), landscape.generatedSecrets());
                exitCode = watch(landscape, stop);
            }
        } catch (LaunchException e) {
            exitCode = 1;
            progress.line("error: " + e.getMessage());
        } catch (RuntimeException e) {
            // PostgreSQL or Kafka could not start: say what, keep the stack trace for the log
            exitCode = 1;
            LoggerFactory.getLogger(LandscapeLauncher.class).error("The landscape failed", e);
            progress.line("error: " + e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : "")
                    + " (details in " + settings.display(settings.launcherLog()) + ")");
        } finally {
            progress.line(stop.isRequested() ? "Stopping (" + stop.reason() + ") …" : "Stopping everything …");
            landscape.stop();
            pids.delete();
            progress.line("Stopped.");
        }
        return exitCode;
    }

    private int watch(RunningLandscape landscape, StopSignal stop) throws InterruptedException {
        while (!stop.await(WATCH_INTERVAL)) {
            Optional<ServiceProcess> exited = landscape.exitedService();
            if (exited.isPresent()) {
                landscape.failure(exited.get(), "exited unexpectedly with code " + exited.get().exitValue());
                return 1;
            }
        }
        return 0;
    }

    private void printReady(DemoSettings settings, Progress progress, String kafka, Map<String, String> secrets) {
        // the JVM's start, not the process's: ./strangler execs the JVM after building, in the same process
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        progress.line("");
        progress.line("Landscape ready in " + Progress.seconds(Duration.between(jvmStart, Instant.now()).toNanos())
                + " s (from the launcher's start).");
        for (ServiceSpec service : settings.services()) {
            String base = "http://localhost:" + settings.port(service);
            String management = settings.managementPort(service).map(port -> "http://localhost:" + port).orElse(base);
            service.urls().forEach(url -> progress.info(service.title(), (url.management() ? management : base)
                    + url.path() + "  (" + url.label() + ")"));
        }
        progress.info("PostgreSQL", settings.externalPostgres().map(pg -> pg.jdbcUrl())
                .orElse("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/<database>  (user postgres, "
                        + "no password; a database per service)"));
        progress.info("Kafka", kafka);
        progress.info("token", "./strangler token --sub alice --scope shop  (orders and writes through the gateway"
                + " need one: -H \"Authorization: Bearer <token>\")");
        // generated for this run only, never written to disk: the one place a user learns them
        new java.util.TreeMap<>(secrets).forEach((name, secret) -> progress.info("password", name + ": " + secret));
        progress.line("Logs: " + settings.display(settings.logs()) + "/<service>.log. Press Ctrl-C to stop.");
    }

    private static void prepareFolders(DemoSettings settings) {
        try {
            Files.createDirectories(settings.logs());
            Files.createDirectories(settings.tmpDir());
            Files.createDirectories(settings.dataDir());
            // Kafka writes under java.io.tmpdir, which ./strangler points at the run folder
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the run folder " + settings.runDir(), e);
        }
        System.setProperty(LOG_FILE_PROPERTY, settings.launcherLog().toString());
        // initialise logging here, once: PostgreSQL and Kafka start on two threads and would race to do it
        LoggerFactory.getLogger(LandscapeLauncher.class).info("Launcher (pid {}) starting: ports {}, PostgreSQL {}, "
                + "Kafka {}, seed {}", ProcessHandle.current().pid(), settings.servicePorts(),
                settings.externalPostgres().map(Object::toString).orElse("embedded on " + settings.postgresPort()),
                settings.externalKafka().orElse("embedded on a free port"), settings.seed());
    }

    private static void requireJars(DemoSettings settings) {
        List<String> missing = settings.services().stream().map(settings::jar).filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> settings.display(jar)).toList();
        if (!missing.isEmpty()) {
            throw new LaunchException("Missing " + String.join(", ", missing) + ": build with './mvnw -DskipTests "
                    + "package' (./strangler demo does it when a jar is missing; --rebuild forces it).");
        }
    }

    static List<PortCheck.Claim> portClaims(DemoSettings settings) {
        List<PortCheck.Claim> claims = new ArrayList<>();
        for (ServiceSpec service : settings.services()) {
            claims.add(new PortCheck.Claim(settings.port(service), service.title(), service.portOption()));
            service.management().ifPresent(m -> claims.add(new PortCheck.Claim(settings.managementPort(service)
                    .orElseThrow(), service.title() + " management", m.option())));
        }
        if (settings.externalPostgres().isEmpty()) {
            claims.add(new PortCheck.Claim(settings.postgresPort(), "PostgreSQL", "--postgres-port"));
        }
        // no claim for Kafka: the embedded broker always takes a free port (see LocalKafka.start)
        return claims;
    }
}
