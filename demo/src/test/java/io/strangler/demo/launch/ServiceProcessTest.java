package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.demo.landscape.SeedSizes;
import io.strangler.demo.landscape.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void shouldRunACopyOfTheJarThatARebuildCannotChange() throws Exception {
        ServiceSpec spec = ServiceSpec.service("catalog-service", "catalog");
        DemoSettings settings = new DemoSettings(dir, Path.of("run"), List.of(spec), Map.of("catalog-service", 8082),
                Map.of(), 54320, new SeedSizes(false, 1, 1, 1), Duration.ofSeconds(5), Optional.empty(),
                Optional.empty());
        Files.createDirectories(settings.jar(spec).getParent());
        Files.writeString(settings.jar(spec), "first build");

        Path running = ServiceProcess.snapshot(spec, settings);
        Files.writeString(settings.jar(spec), "second build, while the first one runs");

        assertThat(running).isEqualTo(dir.resolve("run/jars/catalog-service.jar"));
        assertThat(running).hasContent("first build");
        // the next start runs the rebuilt jar
        Files.setLastModifiedTime(settings.jar(spec), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(ServiceProcess.snapshot(spec, settings)).hasContent("second build, while the first one runs");
    }

    @Test
    void shouldNotCopyAJarThatWasNotRebuilt() throws Exception {
        ServiceSpec spec = ServiceSpec.service("catalog-service", "catalog");
        DemoSettings settings = new DemoSettings(dir, Path.of("run"), List.of(spec), Map.of("catalog-service", 8082),
                Map.of(), 54320, new SeedSizes(false, 1, 1, 1), Duration.ofSeconds(5), Optional.empty(),
                Optional.empty());
        Files.createDirectories(settings.jar(spec).getParent());
        Files.writeString(settings.jar(spec), "the build");
        Path running = ServiceProcess.snapshot(spec, settings);
        // a marker only a copy would overwrite: same size, same time as the build
        Files.writeString(running, "the copy!");
        Files.setLastModifiedTime(running, Files.getLastModifiedTime(settings.jar(spec)));

        assertThat(ServiceProcess.snapshot(spec, settings)).hasContent("the copy!");
    }

    @Test
    void shouldSayWhichJarIsMissing() {
        ServiceSpec spec = ServiceSpec.service("catalog-service", "catalog");
        DemoSettings settings = new DemoSettings(dir, Path.of("run"), List.of(spec), Map.of("catalog-service", 8082),
                Map.of(), 54320, new SeedSizes(false, 1, 1, 1), Duration.ofSeconds(5), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> ServiceProcess.snapshot(spec, settings)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("Could not copy catalog/target/catalog-service.jar");
    }
}
