package io.strangler.demo.launch;

import io.strangler.demo.landscape.ServiceSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One service of the landscape running as its own process: {@code java -jar}, output to its log file.
 *
 * <p>On Linux it starts in a session of its own ({@code setsid}) so that Ctrl-C in the terminal reaches only the
 * launcher, which then stops the services in order.
 */
final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int TAIL_BYTES = 64 * 1024;

    private final ServiceSpec spec;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedNanos;
    private final URI readiness;

    private ServiceProcess(ServiceSpec spec, int port, int readinessPort, Path log, Process process) {
        this.spec = spec;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedNanos = System.nanoTime();
        this.readiness = URI.create("http://127.0.0.1:" + readinessPort + spec.readinessPath());
    }

    /**
     * Starts {@code java <jvm options> -jar <jar> <arguments>} with {@code environment} added to the launcher's.
     *
     * @param unset environment variables of the launcher the service must not inherit
     */
    static ServiceProcess start(ServiceSpec spec, DemoSettings settings, List<String> arguments,
            Map<String, String> environment, List<String> unset) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-Djava.io.tmpdir=" + settings.tmpDir());
        command.add("-jar");
        command.add(snapshot(spec, settings).toString());
        command.addAll(arguments);

        Path log = settings.logFile(spec);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        try {
            int readinessPort = settings.managementPort(spec).orElse(settings.port(spec));
            return new ServiceProcess(spec, settings.port(spec), readinessPort, log, builder.start());
        } catch (IOException e) {
            throw new LaunchException("Could not start " + spec.title() + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Copies the built jar to where the process runs it from, so that a rebuild cannot change it underneath. */
    static Path snapshot(ServiceSpec spec, DemoSettings settings) {
        Path built = settings.jar(spec);
        Path running = settings.runningJar(spec);
        try {
            Files.createDirectories(running.getParent());
            if (!sameFile(built, running)) {
                // the copy keeps the build's time, so the next start copies only a jar that was rebuilt
                Files.copy(built, running, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return running;
        } catch (IOException e) {
            throw new LaunchException("Could not copy " + settings.display(built) + " to " + settings.display(running)
                    + " to run it: " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path built, Path copy) throws IOException {
        return Files.isRegularFile(copy) && Files.size(copy) == Files.size(built)
                && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(built));
    }

    ServiceSpec spec() {
        return spec;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    long runningNanos() {
        return System.nanoTime() - startedNanos;
    }

    /** Whether its readiness endpoint (on its management port if it has one) answers 200 now. */
    boolean isReady(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).timeout(PROBE_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks it to stop (SIGTERM, Spring Boot's graceful shutdown), together with any process it started. */
    void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Kills it and whatever it started (SIGKILL). */
    void forceStop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The last {@code count} lines of its log (from at most the last 64 KiB). */
    List<String> lastLogLines(int count) {
        return lastLines(log, count);
    }

    static List<String> lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            if (size < length && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first one is cut
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
