package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Process leftover;

    @AfterEach
    void killLeftover() {
        if (leftover != null) {
            leftover.destroyForcibly();
        }
    }

    @Test
    void shouldStopServicesAnEarlierLauncherLeftRunningAndEmptyTheTempFolder() throws Exception {
        leftover = new ProcessBuilder("sleep", "300").start();
        Path tmp = Files.createDirectories(dir.resolve("tmp/kafka-123"));
        Files.writeString(tmp.resolve("meta.properties"), "x");
        Files.writeString(dir.resolve("pids"), "launcher strangler 999999999 1\nservice legacy-monolith "
                + leftover.pid() + " " + PidFile.startMillis(leftover.toHandle()) + "\n");

        Leftovers.stop(new PidFile(dir.resolve("pids")), dir.resolve("tmp"), out());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !leftover.isAlive());
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("stopping legacy-monolith (pid " + leftover.pid() + ") left running by an earlier launcher");
        assertThat(dir.resolve("pids")).doesNotExist();
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void shouldRefuseToStartWhileAnotherLauncherRuns() throws Exception {
        leftover = new ProcessBuilder("sleep", "300").start();
        Files.writeString(dir.resolve("pids"), "launcher strangler " + leftover.pid() + " "
                + PidFile.startMillis(leftover.toHandle()) + "\n");

        assertThatThrownBy(() -> Leftovers.stop(new PidFile(dir.resolve("pids")), dir.resolve("tmp"), out()))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("Another './strangler demo' is running (pid " + leftover.pid() + ",");
        assertThat(leftover.isAlive()).isTrue();
        assertThat(dir.resolve("pids")).exists();
    }

    private PrintStream out() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }
}
