package io.strangler.demo.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Cleans up after a launcher that died without stopping its landscape ({@code kill -9}, a crash): stops the
 * services and the PostgreSQL server recorded in its {@link PidFile} and empties the run folder's temp folder.
 * Kafka ran inside the dead launcher, so it is gone already.
 */
final class Leftovers {

    private static final long GRACE_SECONDS = 15;

    private Leftovers() {
    }

    /**
     * @throws LaunchException if the recorded launcher is still running: two landscapes would fight over ports
     *                         and the run folder
     */
    static void stop(PidFile pids, Path tmpDir, PrintStream out) {
        List<PidFile.Entry> entries = pids.read();
        entries.stream()
                .filter(e -> e.role().equals(PidFile.LAUNCHER) && e.pid() != ProcessHandle.current().pid())
                .filter(e -> e.liveProcess().isPresent())
                .findFirst()
                .ifPresent(e -> {
                    throw new LaunchException("Another './strangler demo' is running (pid " + e.pid() + ", recorded in "
                            + pids.path() + "). Stop it with Ctrl-C in its terminal or 'kill " + e.pid()
                            + "', or give this one another --run-dir and other ports.");
                });
        // services first: they hold connections to PostgreSQL
        entries.stream().filter(e -> e.role().equals(PidFile.SERVICE)).forEach(e -> stopLeftover(e, out));
        entries.stream().filter(e -> e.role().equals(PidFile.POSTGRES)).forEach(e -> stopLeftover(e, out));
        pids.delete();
        emptyFolder(tmpDir);
    }

    private static void stopLeftover(PidFile.Entry entry, PrintStream out) {
        entry.liveProcess().ifPresent(process -> {
            out.printf("  stopping %s (pid %d) left running by an earlier launcher%n", entry.name(), entry.pid());
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                forceStop(process);
            } catch (ExecutionException | TimeoutException e) {
                forceStop(process);
            }
        });
    }

    private static void forceStop(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static void emptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + dir + ": delete it by hand", e);
        }
    }
}
