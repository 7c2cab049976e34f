package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldRecordTheLauncherAndItsProcessesWithTheirStartTimes() {
        PidFile pids = new PidFile(dir.resolve("run/pids"));

        pids.startRun();
        pids.record(PidFile.SERVICE, "legacy-monolith", ProcessHandle.current());

        assertThat(pids.read()).extracting(PidFile.Entry::role, PidFile.Entry::name, PidFile.Entry::pid)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("launcher", "strangler", ProcessHandle.current().pid()),
                        org.assertj.core.groups.Tuple.tuple("service", "legacy-monolith",
                                ProcessHandle.current().pid()));
        assertThat(pids.read().get(0).startMillis()).isEqualTo(PidFile.startMillis(ProcessHandle.current()));
    }

    @Test
    void shouldStartEachRunWithAnEmptyRecord() {
        PidFile pids = new PidFile(dir.resolve("pids"));
        pids.startRun();
        pids.record(PidFile.SERVICE, "old", ProcessHandle.current());

        pids.startRun();

        assertThat(pids.read()).extracting(PidFile.Entry::role).containsExactly("launcher");
    }

    @Test
    void shouldSkipLinesItCannotParse() throws Exception {
        Path file = dir.resolve("pids");
        Files.writeString(file, "garbage\nservice x notapid 1\nservice legacy-monolith 42 1000\n");

        assertThat(new PidFile(file).read()).containsExactly(new PidFile.Entry("service", "legacy-monolith", 42, 1000));
    }

    @Test
    void shouldNotMistakeAProcessThatReusesAPidForTheRecordedOne() {
        long pid = ProcessHandle.current().pid();
        long started = PidFile.startMillis(ProcessHandle.current());

        assertThat(new PidFile.Entry("service", "x", pid, started).liveProcess()).isPresent();
        assertThat(new PidFile.Entry("service", "x", pid, started - 60_000).liveProcess()).isEmpty();
    }
}
