package io.strangler.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/**
 * A service started as its image would start it, but as a local JVM: the image's JVM flags (the root pom's Jib
 * configuration), and the environment and files its rendered manifest gives the container — ConfigMap variables,
 * Secret references resolved by the test, ConfigMap volumes written to a folder, emptyDirs as folders, and every value
 * that names a mount path pointed at that folder. Runs the module's Spring Boot jar: the same classes and
 * dependencies as the image's layers.
 */
final class ManifestProcess extends LocalWorkload {

    private ManifestProcess(Process process, Path log) {
        super(process, log);
    }

    /**
     * @param overlay    the rendered overlay
     * @param workload   Deployment or StatefulSet name
     * @param jar        the module's executable jar
     * @param workDir    a folder for the mounts and the log
     * @param secrets    (secret, key) -> value
     * @param rewrite    applied to every variable's value after mounts are resolved (e.g. in-cluster hosts to local)
     * @param overrides  variables set on top (only ports, so that parallel builds do not collide)
     */
    static ManifestProcess start(Rendered overlay, String workload, Path jar, Path workDir,
            BiFunction<String, String, String> secrets, UnaryOperator<String> rewrite, Map<String, String> overrides)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: package its module first (./mvnw verify builds it before k8s;"
                    + " alone: ./mvnw -pl <module> -am package -DskipTests)");
        }
        PodSpec pod = podSpec(overlay, workload);
        Container container = pod.getContainers().get(0);
        Map<String, Path> mounts = mounts(overlay, pod, container, workDir);
        Map<String, String> env = environment(overlay, container, workload, secrets);
        env.replaceAll((k, v) -> rewrite.apply(local(v, mounts)));
        env.putAll(overrides);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // what the container's memory limit is to the JVM in a pod: the percentages below apply to it
        command.add("-XX:MaxRAM=" + Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
                .toBigInteger());
        jvmFlags().forEach(flag -> command.add(local(flag, mounts)));
        command.add("-jar");
        command.add(jar.toString());
        Path log = workDir.resolve(workload + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ManifestProcess(builder.start(), log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static PodSpec podSpec(Rendered overlay, String workload) {
        JsonNode object = overlay.workloads().filter(w -> Rendered.name(w).equals(workload)).findFirst().orElseThrow();
        return InvariantsTest.podSpec(object);
    }

    /** The container's variables as the kubelet sets them: its envFrom ConfigMaps, then its env entries. */
    static Map<String, String> environment(Rendered overlay, Container container, String workload,
            BiFunction<String, String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        container.getEnvFrom().forEach(from -> overlay.find("ConfigMap", from.getConfigMapRef().getName()).orElseThrow()
                .path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), value(var, workload, secrets));
        }
        return env;
    }

    /** Writes a ConfigMap's keys as files into dir, as a ConfigMap volume shows them. */
    static void writeConfigMap(Rendered overlay, String name, Path dir) {
        overlay.find("ConfigMap", name).orElseThrow().path("data").fields()
                .forEachRemaining(e -> write(dir.resolve(e.getKey()), e.getValue().asText()));
    }

    private static String value(EnvVar var, String workload, BiFunction<String, String, String> secrets) {
        if (var.getValue() != null) {
            return var.getValue();
        }
        var from = var.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            return secrets.apply(from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
        }
        if (from.getFieldRef() != null && "metadata.name".equals(from.getFieldRef().getFieldPath())) {
            return workload + "-0";
        }
        throw new AssertionError("Variable " + var.getName() + " of " + workload + ": unsupported source " + from);
    }

    /** mountPath -> local folder, with ConfigMap volumes' files written into it. */
    private static Map<String, Path> mounts(Rendered overlay, PodSpec pod, Container container, Path workDir)
            throws IOException {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
            Path dir = Files.createDirectories(workDir.resolve("mounts").resolve(mount.getName()));
            if (volume.getConfigMap() != null) {
                writeConfigMap(overlay, volume.getConfigMap().getName(), dir);
            }
            mounts.put(mount.getMountPath(), dir);
        }
        return mounts;
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value that is, or starts with, or contains as "=path", a mount path, pointed at the local folder. */
    private static String local(String value, Map<String, Path> mounts) {
        for (Map.Entry<String, Path> m : mounts.entrySet()) {
            String path = m.getKey();
            if (value.equals(path) || value.startsWith(path + "/")) {
                return m.getValue() + value.substring(path.length());
            }
            if (value.endsWith("=" + path) || value.contains("=" + path + "/")) {
                return value.replace("=" + path, "=" + m.getValue());
            }
        }
        return value;
    }

    /** The images' JVM flags, from the root pom's jib-maven-plugin configuration. */
    static List<String> jvmFlags() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList flags = factory.newDocumentBuilder().parse(Overlays.K8S.getParent().resolve("pom.xml").toFile())
                    .getElementsByTagName("jvmFlag");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < flags.getLength(); i++) {
                out.add(flags.item(i).getTextContent().trim());
            }
            if (out.isEmpty()) {
                throw new AssertionError("no <jvmFlag> in the root pom's Jib configuration");
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("Cannot read the Jib JVM flags of the root pom: " + e.getMessage(), e);
        }
    }
}
