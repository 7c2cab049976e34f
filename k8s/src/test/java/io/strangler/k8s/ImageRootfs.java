package io.strangler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An image tar as {@code jib:buildTar} writes it ({@code docker save} layout: manifest.json, the config, one archive per
 * layer), unpacked the way a container runtime prepares a container's root filesystem: the layers extracted in order
 * into one folder, owners and modes kept, OCI whiteouts applied. Uses GNU tar (run as root to keep owners).
 *
 * @param root       the unpacked root filesystem
 * @param entrypoint the config's Entrypoint
 * @param cmd        the config's Cmd (empty if none)
 * @param env        the config's Env
 * @param user       the config's User ("uid:gid")
 * @param workingDir the config's WorkingDir ("/" if none)
 */
record ImageRootfs(Path root, List<String> entrypoint, List<String> cmd, Map<String, String> env, String user,
        String workingDir) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPAQUE = ".wh..wh..opq";
    private static final String WHITEOUT = ".wh.";

    static ImageRootfs unpack(Path imageTar, Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(imageTar)) {
            throw new AssertionError(imageTar + " is missing: build the images first (k8s/README.md, \"Images\": "
                    + "k8s/base-image/build.sh, then ./mvnw -Pimages package -DskipTests"
                    + " -Dstrangler.image.base=tar://<abs path>/jre-base.tar)");
        }
        Path archive = fresh(dir.resolve("archive"));
        run("tar", "-xf", imageTar.toString(), "-C", archive.toString());
        JsonNode manifest = JSON.readTree(archive.resolve("manifest.json").toFile());
        if (manifest.size() != 1) {
            throw new AssertionError(imageTar + ": expected one image, manifest.json lists " + manifest.size());
        }
        JsonNode config = JSON.readTree(archive.resolve(manifest.get(0).path("Config").asText()).toFile())
                .path("config");
        Path root = fresh(dir.resolve("rootfs"));
        for (JsonNode layer : manifest.get(0).path("Layers")) {
            apply(archive.resolve(layer.asText()), root);
        }
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        String workingDir = config.path("WorkingDir").asText("");
        return new ImageRootfs(root, strings(config.path("Entrypoint")), strings(config.path("Cmd")), env,
                config.path("User").asText(""), workingDir.isEmpty() ? "/" : workingDir);
    }

    /**
     * One layer onto the folder: first its whiteouts remove what lower layers put there ({@code .wh.<name>} deletes
     * name, {@code .wh..wh..opq} empties its folder), then its own entries are extracted (whiteout markers left out).
     */
    private static void apply(Path layer, Path root) throws IOException, InterruptedException {
        Path realRoot = root.toRealPath();
        for (String entry : run("tar", "-tf", layer.toString(), "--warning=no-unknown-keyword").split("\n")) {
            String clean = entry.startsWith("./") ? entry.substring(2) : entry;
            Path path = Path.of(clean);
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            if (!name.startsWith(WHITEOUT)) {
                continue;
            }
            Path parent = path.getParent() == null ? realRoot : realRoot.resolve(path.getParent()).normalize();
            if (!Files.isDirectory(parent) || !parent.toRealPath().startsWith(realRoot)) {
                continue; // nothing below to hide, or a path leaving the root through a symlink: never followed
            }
            if (name.equals(OPAQUE)) {
                try (Stream<Path> children = Files.list(parent)) {
                    for (Path child : children.toList()) {
                        delete(child);
                    }
                }
            } else {
                delete(parent.resolve(name.substring(WHITEOUT.length())));
            }
        }
        run("tar", "-xf", layer.toString(), "-C", root.toString(), "--same-owner", "--same-permissions",
                "--numeric-owner", "--exclude=.wh.*", "--warning=no-unknown-keyword");
    }

    private static void delete(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> tree = Files.walk(path)) { // walk does not follow symbolic links
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }

    private static Path fresh(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            run("rm", "-rf", "--one-file-system", dir.toString());
        }
        return Files.createDirectories(dir);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
