package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void shouldShowTheLastLinesOfALog() throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "one\ntwo\nthree\n");

        assertThat(ServiceProcess.lastLines(log, 2)).containsExactly("two", "three");
        assertThat(ServiceProcess.lastLines(log, 10)).containsExactly("one", "two", "three");
        assertThat(ServiceProcess.lastLines(dir.resolve("missing.log"), 10)).isEmpty();
    }

    @Test
    void shouldReadOnlyTheEndOfAHugeLogAndDropTheCutLine() throws Exception {
        String lines = IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(dir.resolve("big.log"), lines);

        assertThat(ServiceProcess.lastLines(log, 3)).containsExactly("line 19997", "line 19998", "line 19999");
        assertThat(ServiceProcess.lastLines(log, 100_000)).allMatch(l -> l.matches("line \\d+"));
    }
}
