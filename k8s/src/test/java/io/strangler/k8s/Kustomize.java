package io.strangler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} (kustomize is built into kubectl) and parses the output. */
final class Kustomize {

    /** The k8s module's folder: Maven runs the tests there. */
    static final Path MODULE = Path.of("").toAbsolutePath();

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    /** Every object the kustomization in {@code dir} renders, in output order. */
    static Rendered render(Path dir) {
        String yaml = run(dir);
        List<JsonNode> objects = new ArrayList<>();
        try (var docs = YAML.readValues(YAML.createParser(yaml), JsonNode.class)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + dir + " printed YAML that does not parse: " + e, e);
        }
        return new Rendered(dir, objects);
    }

    private static String run(Path dir) {
        Process process;
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + stderr);
            }
            return stdout;
        } catch (IOException e) {
            // no skip on purpose: CI installs kubectl (.ci/run), and a check that silently does not run proves nothing
            throw new AssertionError("Cannot run 'kubectl kustomize': kubectl (1.27 or later, kustomize built in) must"
                    + " be on the PATH to check the manifests in k8s/. Install it, e.g. apt-get install kubectl. ("
                    + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + dir, e);
        }
    }
}
