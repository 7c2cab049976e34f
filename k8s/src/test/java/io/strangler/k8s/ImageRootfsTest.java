package io.strangler.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers applied in order with OCI whiteouts, on a two-layer image tar made here with GNU tar. */
class ImageRootfsTest {

    @TempDir
    Path dir;

    @Test
    void appliesLayersInOrderWithTheirWhiteouts() throws Exception {
        Path lower = files("lower", "a/keep", "a/gone", "b/old", "c/old");
        Path upper = files("upper", "a/.wh.gone", "b/.wh..wh..opq", "b/new", "c/new");
        Path image = Files.createDirectories(dir.resolve("image"));
        tar(lower, image.resolve("lower.tar.gz"), "-czf");
        tar(upper, image.resolve("upper.tar.gz"), "-czf");
        Files.writeString(image.resolve("manifest.json"),
                "[{\"Config\":\"config.json\",\"Layers\":[\"lower.tar.gz\",\"upper.tar.gz\"]}]");
        Files.writeString(image.resolve("config.json"), """
                {"config": {"Entrypoint": ["java", "-cp", "@/app/jib-classpath-file", "Main"],
                            "Env": ["PATH=/usr/bin:/bin", "JAVA_HOME=/usr/lib/jvm/x", "EMPTY="],
                            "User": "10001:10001"}}""");
        Path imageTar = dir.resolve("jib-image.tar");
        tar(image, imageTar, "-cf");

        ImageRootfs rootfs = ImageRootfs.unpack(imageTar, dir.resolve("unpacked"));

        Path root = rootfs.root();
        assertThat(root.resolve("a/keep")).exists();
        assertThat(root.resolve("a/gone")).doesNotExist();
        assertThat(root.resolve("b/old")).as("opaque folder hides the lower layer's entries").doesNotExist();
        assertThat(root.resolve("b/new")).exists();
        assertThat(root.resolve("c/old")).exists();
        assertThat(root.resolve("c/new")).exists();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".wh."));
        }
        assertThat(rootfs.entrypoint()).containsExactly("java", "-cp", "@/app/jib-classpath-file", "Main");
        assertThat(rootfs.cmd()).isEmpty();
        assertThat(rootfs.env()).containsEntry("PATH", "/usr/bin:/bin").containsEntry("JAVA_HOME", "/usr/lib/jvm/x")
                .containsEntry("EMPTY", "");
        assertThat(rootfs.user()).isEqualTo("10001:10001");
        assertThat(rootfs.workingDir()).isEqualTo("/");
    }

    @Test
    void namesTheBuildStepsWhenTheImageTarIsMissing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ImageRootfs.unpack(dir.resolve("jib-image.tar"), dir.resolve("unpacked")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("k8s/base-image/build.sh");
    }

    private Path files(String name, String... paths) throws IOException {
        Path base = dir.resolve(name);
        for (String path : paths) {
            Files.createDirectories(base.resolve(path).getParent());
            Files.writeString(base.resolve(path), path);
        }
        return base;
    }

    private static void tar(Path from, Path to, String mode) throws Exception {
        Process p = new ProcessBuilder("tar", mode, to.toString(), "-C", from.toString(), ".").inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
