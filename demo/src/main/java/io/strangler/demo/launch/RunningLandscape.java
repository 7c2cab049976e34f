package io.strangler.demo.launch;

import io.strangler.demo.issuer.DemoIssuer;
import io.strangler.demo.landscape.DemoSecrets;
import io.strangler.demo.landscape.LaunchContext;
import io.strangler.demo.landscape.ServiceSpec;
import io.strangler.infra.PostgresDatabase;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The infrastructure and service processes of one launcher run: starts them in dependency order, waits until each
 * is ready, watches them, and stops them all (services first, then Kafka and PostgreSQL). {@link #stop} is
 * idempotent and safe to call from a shutdown hook.
 */
final class RunningLandscape {

    static final int LOG_LINES_ON_FAILURE = 30;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Whatever the launcher inherited that would point a service at another server than the one it gets. */
    private static final List<String> INHERITED_SERVER_SETTINGS = List.of("SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SERVER_PORT", "MANAGEMENT_SERVER_PORT");

    private final DemoSettings settings;
    private final PidFile pids;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private Infrastructure infrastructure;
    private boolean stopped;
    private final DemoSecrets secrets = new DemoSecrets();
    private DemoIssuer issuer;

    RunningLandscape(DemoSettings settings, PidFile pids, Progress progress) {
        this.settings = settings;
        this.pids = pids;
        this.progress = progress;
    }

    /** Passwords generated for this run, by what they are for. */
    Map<String, String> generatedSecrets() {
        return secrets.generated();
    }

    /**
     * Starts everything and waits until every service is ready.
     *
     * @return false if a stop was requested before the landscape was ready
     * @throws LaunchException if a service exits or is not ready in time (its last log lines are printed)
     */
    boolean start(StopSignal stop) throws InterruptedException {
        Infrastructure infra = Infrastructure.start(settings, progress);
        synchronized (this) {
            infrastructure = infra;
            if (stopped) {
                infra.close(); // a shutdown hook ran while it was starting
                return false;
            }
        }
        infra.postgresProcess(settings.runDir()).ifPresent(pg -> pids.record(PidFile.POSTGRES, "postgres", pg));
        DemoIssuer tokenIssuer = startIssuer();
        if (tokenIssuer == null) {
            return false;
        }
        LaunchContext context = new LaunchContext(settings.servicePorts(), settings.seed(), secrets,
                settings.dataDir(), createDatabases(infra), settings.managementPorts(), tokenIssuer);
        List<ServiceSpec> pending = new ArrayList<>(settings.services());
        Set<String> ready = new HashSet<>();
        boolean kafkaReady = false;
        while (ready.size() < settings.services().size() || !kafkaReady) {
            if (stop.isRequested()) {
                return false;
            }
            kafkaReady = kafkaReady || infra.kafkaReady();
            for (Iterator<ServiceSpec> it = pending.iterator(); it.hasNext(); ) {
                ServiceSpec spec = it.next();
                if (ready.containsAll(spec.dependsOn()) && (kafkaReady || !spec.usesKafka())) {
                    launch(spec, context);
                    it.remove();
                }
            }
            for (ServiceProcess process : startedProcesses()) {
                if (!ready.contains(process.spec().name()) && checkReady(process)) {
                    ready.add(process.spec().name());
                }
            }
            stop.await(POLL);
        }
        return true;
    }

    /** The run's token issuer (see {@code ./strangler token}); null if a stop came first. */
    private synchronized DemoIssuer startIssuer() {
        if (stopped) {
            return null;
        }
        issuer = DemoIssuer.start(settings.runDir().resolve("issuer"));
        return issuer;
    }

    /** Where the services reach Kafka (the embedded broker's actual address, or the external one). */
    synchronized String kafkaBootstrapServers() {
        return infrastructure == null ? "" : infrastructure.kafkaBootstrapServers();
    }

    /** A service that has exited since it was started, if any. */
    Optional<ServiceProcess> exitedService() {
        return startedProcesses().stream().filter(p -> !p.isAlive()).findFirst();
    }

    /**
     * Stops the services, dependents before what they depend on (SIGTERM, then SIGKILL once a grace period shared by
     * all has passed), then Kafka, then PostgreSQL.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ServiceProcess> left = new ArrayList<>(startedProcesses());
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (!left.isEmpty()) {
            // dependents first (the gateway before the flag service it reads), then what they depended on
            Set<String> needed = new HashSet<>();
            left.forEach(p -> needed.addAll(p.spec().dependsOn()));
            List<ServiceProcess> wave = left.stream().filter(p -> !needed.contains(p.spec().name())).toList();
            if (wave.isEmpty()) {
                wave = List.copyOf(left); // cannot happen (Landscape.validated forbids cycles); never loop forever
            }
            stopTogether(wave, deadline);
            left.removeAll(wave);
        }
        if (issuer != null) {
            issuer.close(); // after the gateway, which fetches its keys; no token can be made from now on
        }
        if (infrastructure != null) {
            infrastructure.close();
            if (settings.externalKafka().isEmpty()) {
                progress.info("Kafka", "stopped");
            }
            if (settings.externalPostgres().isEmpty()) {
                progress.info("PostgreSQL", "stopped");
            }
        }
    }

    /** SIGTERM to each, then waits until {@code deadline} for them to exit; SIGKILL for those that did not. */
    private void stopTogether(List<ServiceProcess> services, long deadline) {
        List<ServiceProcess> running = services.stream().filter(ServiceProcess::isAlive).toList();
        running.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                process.handle().onExit().get(left, TimeUnit.NANOSECONDS);
                progress.info(process.spec().title(), "stopped");
            } catch (Exception e) {
                process.forceStop();
                progress.info(process.spec().title(), "killed: it did not stop within " + STOP_GRACE.toSeconds()
                        + " s");
            }
            // a service's JVM may outlive its exit handle briefly: never leave its children behind
            process.handle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Reports a service that failed (exited, or not ready in time) and turns it into the launcher's failure. */
    LaunchException failure(ServiceProcess process, String reason) {
        progress.failed(process.spec().title(), reason, process.log(),
                process.lastLogLines(LOG_LINES_ON_FAILURE));
        return new LaunchException(process.spec().title() + " " + reason + ". Its log: " + process.log());
    }

    private void launch(ServiceSpec spec, LaunchContext context) {
        Map<String, String> env = new HashMap<>(spec.environment().apply(context));
        env.put("SERVER_PORT", String.valueOf(settings.port(spec)));
        settings.managementPort(spec).ifPresent(port -> env.put("MANAGEMENT_SERVER_PORT", String.valueOf(port)));
        // the demo traces every request (production default: 10 %); a value set in the launcher's environment wins
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
                System.getenv().getOrDefault("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0"));
        if (spec.database().isPresent()) {
            PostgresDatabase db = context.database(spec.name());
            env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", db.username());
            env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        }
        if (spec.usesKafka()) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            ServiceProcess process = ServiceProcess.start(spec, settings, spec.arguments().apply(context), env,
                    INHERITED_SERVER_SETTINGS);
            processes.put(spec.name(), process);
            pids.record(PidFile.SERVICE, spec.name(), process.handle());
            progress.info(spec.title(), "starting on port " + settings.port(spec) + " (pid " + process.handle().pid()
                    + ", log " + settings.display(process.log()) + ") …");
        }
    }

    /** Creates every service's database up front, so that a service can be told where another's is. */
    private Map<String, PostgresDatabase> createDatabases(Infrastructure infra) {
        Map<String, PostgresDatabase> databases = new HashMap<>();
        for (ServiceSpec spec : settings.services()) {
            spec.database().ifPresent(name -> databases.put(spec.name(), infra.database(name)));
        }
        return databases;
    }

    private boolean checkReady(ServiceProcess process) {
        if (!process.isAlive()) {
            throw failure(process, "exited with code " + process.exitValue() + " while starting");
        }
        if (process.isReady(http)) {
            progress.info(process.spec().title(), "ready in " + Progress.seconds(process.runningNanos()) + " s");
            return true;
        }
        if (process.runningNanos() > settings.startupTimeout().toNanos()) {
            throw failure(process, "not ready after " + settings.startupTimeout().toSeconds()
                    + " s (raise --startup-timeout if the machine is busy)");
        }
        return false;
    }

    private synchronized List<ServiceProcess> startedProcesses() {
        return List.copyOf(processes.values());
    }
}
