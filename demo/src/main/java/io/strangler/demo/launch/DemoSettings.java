package io.strangler.demo.launch;

import io.strangler.demo.landscape.SeedSizes;
import io.strangler.demo.landscape.ServiceSpec;
import io.strangler.infra.PostgresDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code ./strangler demo} was asked to do, validated.
 *
 * @param root           the repository root: service jars are resolved against it
 * @param runDir         where logs, pids, PostgreSQL's binaries and data and Kafka's files go
 * @param services       the services to start, in start order
 * @param servicePorts   service name to HTTP port
 * @param managementPorts service name to management port, for services that have one
 * @param postgresPort   port of the embedded PostgreSQL (unused with an external one)
 * @param seed           how much data the legacy shop generates
 * @param startupTimeout how long each service may take to become ready
 * @param externalPostgres a PostgreSQL server to use instead of starting one (its database name is ignored:
 *                         each service gets its own database there)
 * @param externalKafka  Kafka bootstrap servers to use instead of starting a broker
 */
public record DemoSettings(
        Path root,
        Path runDir,
        List<ServiceSpec> services,
        Map<String, Integer> servicePorts,
        Map<String, Integer> managementPorts,
        int postgresPort,
        SeedSizes seed,
        Duration startupTimeout,
        Optional<PostgresDatabase> externalPostgres,
        Optional<String> externalKafka) {

    public DemoSettings {
        root = root.toAbsolutePath().normalize();
        runDir = root.resolve(runDir).normalize();
        services = List.copyOf(services);
        servicePorts = Map.copyOf(servicePorts);
        managementPorts = Map.copyOf(managementPorts);
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(externalPostgres, "externalPostgres");
        Objects.requireNonNull(externalKafka, "externalKafka");
    }

    public int port(ServiceSpec service) {
        return servicePorts.get(service.name());
    }

    /** The management port of a service that has one (see {@link ServiceSpec#management()}). */
    public Optional<Integer> managementPort(ServiceSpec service) {
        return Optional.ofNullable(managementPorts.get(service.name()));
    }

    /**
     * Files services keep beside their databases (CDC offsets, the gateway's route-mode snapshot): emptied on start
     * with the embedded PostgreSQL, whose databases are new on every run, so that nothing points past them.
     */
    public Path dataDir() {
        return runDir.resolve("data");
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path logFile(ServiceSpec service) {
        return logs().resolve(service.name() + ".log");
    }

    /** The launcher's own log (PostgreSQL and Kafka logging included). */
    public Path launcherLog() {
        return logs().resolve("launcher.log");
    }

    public Path pidsFile() {
        return runDir.resolve("pids");
    }

    public Path tmpDir() {
        return runDir.resolve("tmp");
    }

    public Path jar(ServiceSpec service) {
        return root.resolve(service.jar());
    }

    /**
     * The copy of a service's jar that its process runs: a build while the landscape runs replaces the jar in
     * {@code target/}, and a JVM whose jar changed underneath fails on the next class it loads.
     */
    public Path runningJar(ServiceSpec service) {
        return runDir.resolve("jars").resolve(jar(service).getFileName());
    }

    /** A path as the user should see it: relative to the repository root when it is inside it. */
    public String display(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
