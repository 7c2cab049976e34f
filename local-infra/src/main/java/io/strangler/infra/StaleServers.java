package io.strangler.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops PostgreSQL servers whose owning JVM died without stopping them.
 *
 * <p>The embedded server runs detached (through {@code pg_ctl}), so a JVM killed with {@code kill -9} leaves it
 * running. Each data folder is named after the owning JVM's pid; if that pid is gone, the server's own pid is read
 * from {@code postmaster.pid} and the process is stopped, then the folder removed.
 */
final class StaleServers {

    private static final Logger log = LoggerFactory.getLogger(StaleServers.class);

    private StaleServers() {
    }

    static void stopLeftovers(Path workDir, String dataDirPrefix) throws IOException {
        List<Path> candidates;
        try (Stream<Path> dirs = Files.list(workDir)) {
            candidates = dirs.filter(p -> p.getFileName().toString().startsWith(dataDirPrefix)).toList();
        }
        for (Path dir : candidates) {
            Optional<Long> owner = parsePid(dir.getFileName().toString().substring(dataDirPrefix.length()));
            if (owner.isEmpty() || ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
                continue; // another live JVM's server, or not ours: leave it
            }
            postmasterPid(dir).flatMap(ProcessHandle::of).ifPresent(StaleServers::stop);
            deleteRecursively(dir);
        }
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn("Stopping PostgreSQL (pid {}) left behind by a process that no longer runs", postmaster.pid());
        postmaster.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            postmaster.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Files.exists(pidFile)
                    ? Files.readAllLines(pidFile).stream().findFirst().flatMap(StaleServers::parsePid)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
