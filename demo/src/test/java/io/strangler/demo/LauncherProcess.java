package io.strangler.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The launcher jar run as a subprocess, the way {@code ./strangler demo} runs it, for the end-to-end tests. */
final class LauncherProcess implements AutoCloseable {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPOSITORY_ROOT = MODULE.getParent();
    static final Path JAR = MODULE.resolve("target/demo.jar");

    private final Process process;
    private final Path output;
    private final Path runDir;

    private LauncherProcess(Process process, Path output, Path runDir) {
        this.process = process;
        this.output = output;
        this.runDir = runDir;
    }

    /**
     * Starts {@code java -jar demo.jar demo --run-dir <runDir> <args>} in {@code root}. SIGINT is reset to its
     * default first (GNU env), because a process started in the background by a non-interactive shell ignores it,
     * and the JVM then cannot handle Ctrl-C at all.
     */
    static LauncherProcess start(Path root, Path runDir, String... args) throws IOException {
        Files.createDirectories(runDir.resolve("tmp"));
        List<String> command = new ArrayList<>();
        if (canResetSigint()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + runDir.resolve("tmp"), "-jar", JAR.toString(), "demo",
                "--run-dir", runDir.toString()));
        command.addAll(List.of(args));
        Path output = runDir.resolve("launcher-console.txt");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new LauncherProcess(process, output, runDir);
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    Process process() {
        return process;
    }

    /** The port the launcher reported for a server ("Kafka  started at localhost:40123"). */
    Optional<Integer> reportedPort(String server) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(server) + "\\s+started (?:at|on) [^:\\s]+:(\\d+)")
                .matcher(output());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** Ctrl-C. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    /** Whatever happens in a test, nothing it started survives it. */
    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Path pids = runDir.resolve("pids");
        if (Files.exists(pids)) {
            for (String line : Files.readAllLines(pids)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 4 && !parts[0].equals("launcher")) {
                    ProcessHandle.of(Long.parseLong(parts[2])).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canResetSigint() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
