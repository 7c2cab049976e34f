package io.strangler.demo.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code <run-dir>/pids}: the processes a launcher started, so that the next launcher can stop what a launcher
 * killed with {@code kill -9} left running. One line per process: {@code <role> <name> <pid> <start-millis>}.
 * The start time tells a leftover from an unrelated process that reuses its pid.
 */
final class PidFile {

    static final String LAUNCHER = "launcher";
    static final String SERVICE = "service";
    static final String POSTGRES = "postgres";

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Starts a new record holding only this launcher. */
    synchronized void startRun() {
        write(List.of(new Entry(LAUNCHER, "strangler", ProcessHandle.current().pid(),
                startMillis(ProcessHandle.current()))), StandardOpenOption.TRUNCATE_EXISTING);
    }

    synchronized void record(String role, String name, ProcessHandle process) {
        write(List.of(new Entry(role, name, process.pid(), startMillis(process))), StandardOpenOption.APPEND);
    }

    /** The recorded entries; lines that cannot be parsed are skipped. */
    synchronized List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(Entry::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    private void write(List<Entry> entries, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, entries.stream().map(Entry::line).toList(), StandardOpenOption.CREATE, mode,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * One recorded process.
     *
     * @param startMillis when it started (epoch millis), 0 if the platform does not tell
     */
    record Entry(String role, String name, long pid, long startMillis) {

        String line() {
            return role + " " + name + " " + pid + " " + startMillis;
        }

        static Optional<Entry> parse(String line) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** The live process this entry describes, if it still runs (and is not another process with its pid). */
        Optional<ProcessHandle> liveProcess() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> startMillis == 0 || PidFile.startMillis(p) == 0 || PidFile.startMillis(p) == startMillis);
        }
    }
}
