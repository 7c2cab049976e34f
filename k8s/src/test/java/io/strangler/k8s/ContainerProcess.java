package io.strangler.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A service's image run as its rendered manifest runs it, without a container runtime: the unpacked root filesystem
 * ({@link ImageRootfs}) in its own mount, PID, UTS and IPC namespaces ({@code unshare}), mounted read-only when the
 * manifest says {@code readOnlyRootFilesystem}, with /proc, a minimal /dev, the host's /etc/hosts and resolv.conf
 * (what the kubelet mounts), and the pod's volumes at their mount paths (ConfigMap volumes read-only, emptyDirs owned
 * by the fsGroup); then {@code chroot} as the pod's user, with no_new_privs, runs the image's entrypoint with the
 * image's environment plus the manifest's. Not isolated: the host's network namespace (the test's PostgreSQL on
 * localhost), no cgroup (the memory limit reaches the JVM as -XX:MaxRAM), no seccomp. Needs root.
 */
final class ContainerProcess extends LocalWorkload {

    private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

    private ContainerProcess(Process process, Path log) {
        super(process, log);
    }

    /**
     * @param overlay   the rendered overlay
     * @param workload  Deployment or StatefulSet name
     * @param image     the service's unpacked image
     * @param workDir   a folder for the volumes and the log
     * @param secrets   (secret, key) -> value
     * @param rewrite   applied to every variable's value (e.g. in-cluster hosts to local ones)
     * @param overrides variables set on top (only ports: the network is the host's)
     */
    static ContainerProcess start(Rendered overlay, String workload, ImageRootfs image, Path workDir,
            BiFunction<String, String, String> secrets, UnaryOperator<String> rewrite, Map<String, String> overrides)
            throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("running an image without a container runtime needs root (unshare, mount, chroot)");
        }
        PodSpec pod = ManifestProcess.podSpec(overlay, workload);
        Container container = pod.getContainers().get(0);
        Path root = image.root();
        if (!"/".equals(image.workingDir())) {
            throw new AssertionError("chroot starts in /, the image wants " + image.workingDir());
        }

        StringBuilder script = new StringBuilder("set -e\nr=").append(quote(root.toString())).append('\n');
        script.append(host("mount")).append(" --bind \"$r\" \"$r\"\n");
        if (Boolean.TRUE.equals(security(container).map(SecurityContext::getReadOnlyRootFilesystem).orElse(null))) {
            script.append(host("mount")).append(" -o remount,bind,ro \"$r\"\n");
        }
        mountPoint(root, "/proc", false);
        script.append(host("mount")).append(" -t proc -o nosuid,nodev,noexec proc \"$r/proc\"\n");
        mountPoint(root, "/dev", false);
        script.append(host("mount")).append(" -t tmpfs -o nosuid,mode=755 dev \"$r/dev\"\n");
        for (String device : DEVICES) {
            script.append(": > \"$r/dev/").append(device).append("\"; ").append(host("mount"))
                    .append(" --bind /dev/").append(device)
                    .append(" \"$r/dev/").append(device).append("\"\n");
        }
        for (String file : List.of("/etc/hosts", "/etc/resolv.conf")) {
            mountPoint(root, file, true);
            bind(script, Path.of(file), file, true);
        }
        long[] user = user(image, pod, container);
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
            Path dir = Files.createDirectories(workDir.resolve("volumes").resolve(mount.getName()));
            boolean readOnly = Boolean.TRUE.equals(mount.getReadOnly());
            if (volume.getConfigMap() != null) {
                ManifestProcess.writeConfigMap(overlay, volume.getConfigMap().getName(), dir);
                readOnly = true;
            } else if (volume.getEmptyDir() != null) {
                Files.setAttribute(dir, "unix:uid", (int) user[0]);
                Files.setAttribute(dir, "unix:gid", (int) user[2]);
            } else {
                throw new AssertionError("volume " + mount.getName() + ": only ConfigMaps and emptyDirs are run here");
            }
            mountPoint(root, mount.getMountPath(), false);
            bind(script, dir, mount.getMountPath(), readOnly);
        }
        script.append(host("hostname")).append(' ').append(quote(workload + "-0")).append('\n');
        script.append("exec ").append(host("setpriv")).append(" --no-new-privs ").append(host("chroot"))
                .append(" --userspec=").append(user[0]).append(':').append(user[1])
                .append(" --groups=").append(user[2]).append(" \"$r\" \"$@\"\n");

        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.putAll(ManifestProcess.environment(overlay, container, workload, secrets));
        env.replaceAll((k, v) -> rewrite.apply(v));
        env.putAll(overrides);
        // no cgroup here: what the container's memory limit is to the JVM in a pod (MaxRAMPercentage applies to it)
        env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=" + Quantity.getAmountInBytes(
                container.getResources().getLimits().get("memory")).toBigInteger());

        List<String> command = new ArrayList<>(List.of(host("unshare"), "--mount", "--pid", "--uts", "--ipc", "--fork",
                "--kill-child=SIGTERM", "--propagation", "private", host("sh"), "-c", script.toString(), "sh"));
        command.addAll(container.getCommand().isEmpty() ? image.entrypoint() : container.getCommand());
        command.addAll(container.getArgs().isEmpty() && container.getCommand().isEmpty() ? image.cmd()
                : container.getArgs());
        Path log = workDir.resolve(workload + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Files.writeString(workDir.resolve(workload + ".sh"), script);
        return new ContainerProcess(builder.start(), log);
    }

    /** The entrypoint's process (seen from the host), once the namespaces are set up and it has been exec'd. */
    Optional<ProcessHandle> entrypoint() {
        return process.descendants().filter(p -> p.info().command().map(c -> !c.endsWith("/unshare")
                && !c.endsWith("/sh") && !c.endsWith("/setpriv") && !c.endsWith("/chroot")).orElse(false)).findFirst();
    }

    /** SIGTERM as the kubelet sends it, then SIGKILL after the grace period. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
    }

    private static Optional<SecurityContext> security(Container container) {
        return Optional.ofNullable(container.getSecurityContext());
    }

    /** uid, gid, fsGroup: the container's securityContext, else the pod's, else the image's User. */
    private static long[] user(ImageRootfs image, PodSpec pod, Container container) {
        String[] imageUser = image.user().split(":");
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        Long uid = security(container).map(SecurityContext::getRunAsUser).orElse(podSecurity.getRunAsUser());
        Long gid = security(container).map(SecurityContext::getRunAsGroup).orElse(podSecurity.getRunAsGroup());
        long u = uid != null ? uid : Long.parseLong(imageUser[0]);
        long g = gid != null ? gid : Long.parseLong(imageUser.length > 1 ? imageUser[1] : imageUser[0]);
        return new long[] {u, g, podSecurity.getFsGroup() != null ? podSecurity.getFsGroup() : g};
    }

    /** What a runtime creates in the container's root before mounting: the mount point (folder or file). */
    private static void mountPoint(Path root, String path, boolean file) throws IOException {
        Path target = root.resolve(path.substring(1));
        if (file) {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.createFile(target);
            }
        } else {
            Files.createDirectories(target);
        }
    }

    private static void bind(StringBuilder script, Path source, String target, boolean readOnly) {
        String to = "\"$r\"" + quote(target);
        script.append(host("mount")).append(" --bind ").append(quote(source.toString())).append(' ').append(to)
                .append('\n');
        if (readOnly) {
            script.append(host("mount")).append(" -o remount,bind,ro ").append(to).append('\n');
        }
    }

    /**
     * A host tool by absolute path: the script and setpriv run with the container's environment, whose PATH (if any)
     * names the image's folders; only chroot's own exec of the entrypoint must search it.
     */
    private static String host(String tool) {
        return Stream.of("/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/").map(dir -> dir + tool)
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new AssertionError(tool + " is missing on this machine (util-linux, coreutils)"));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
