package io.strangler.judge.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server the test starts as a separate process (the gateway's jar, Prometheus), logging to a file under target/. */
final class LocalProcess {

    private final String name;
    private final Process process;
    private final File log;

    private LocalProcess(String name, Process process, File log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static LocalProcess start(String name, List<String> command) throws IOException {
        File log = new File(System.getProperty("java.io.tmpdir"), name + "-it.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        return new LocalProcess(name, process, log);
    }

    /** Fails with the log's location when the process died, e.g. from a bad argument or a taken port. */
    void assertAlive() {
        assertThat(process.isAlive()).as(name + " exited with " + (process.isAlive() ? "" : process.exitValue())
                + ", see " + log).isTrue();
    }

    /** Stops the process and everything it started: SIGTERM first, SIGKILL after 20 s. */
    void stop() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The path in a system property set by failsafe, checked to exist, with what to do when it does not. */
    static Path requiredFile(String property, String remedy) {
        String value = System.getProperty(property);
        assertThat(value).as("system property " + property + " (set by failsafe)").isNotNull();
        Path path = Path.of(value);
        assertThat(Files.isRegularFile(path)).as(path + " is missing: " + remedy).isTrue();
        return path;
    }
}
