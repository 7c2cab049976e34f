package io.strangler.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.demo.landscape.Landscape;
import io.strangler.demo.landscape.ServiceSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the launcher jar end to end against the real service jars (the reactor builds them first): start with
 * random ports and a small seed, use the shop, check every service is ready, Ctrl-C, and check that nothing is left running or listening.
 */
class DemoLauncherIT {

    /** Generous: CI machines are shared; the ≤ 60 s target is measured by hand on an idle machine. */
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN = Duration.ofMinutes(1);

    /** One run folder for all tests (they run one after the other): PostgreSQL's binaries unpack there once. */
    private static final Path RUN_DIR = LauncherProcess.MODULE.resolve("target/it-run");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeTheLegacyShopAndLeaveNothingBehindAfterCtrlC() throws Exception {
        Map<ServiceSpec, Integer> servicePorts = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (ServiceSpec service : Landscape.SERVICES) {
            int port = LauncherProcess.freePort();
            servicePorts.put(service, port);
            args.addAll(List.of(service.portOption(), "" + port));
        }
        int legacyPort = servicePorts.get(Landscape.LEGACY_SHOP);
        int postgresPort = LauncherProcess.freePort();
        int kafkaPort = LauncherProcess.freePort();
        args.addAll(List.of("--postgres-port", "" + postgresPort, "--kafka-port", "" + kafkaPort,
                "--seed-products", "30", "--seed-customers", "5", "--seed-orders", "10"));

        try (LauncherProcess launcher = LauncherProcess.start(LauncherProcess.REPOSITORY_ROOT, RUN_DIR,
                args.toArray(String[]::new))) {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .failFast("the launcher exited", () -> !launcher.process().isAlive())
                    .until(() -> launcher.output().contains("Landscape ready in"));
            List<ProcessHandle> descendants = launcher.process().descendants().toList();
            List<Integer> ports = new ArrayList<>(servicePorts.values());
            ports.add(postgresPort);
            ports.add(kafkaPort);

            HttpResponse<String> products = get("http://localhost:" + legacyPort + "/api/products?size=1");
            assertThat(products.statusCode()).isEqualTo(200);
            assertThat(products.body()).containsPattern("\"items\"\\s*:\\s*\\[\\s*\\{");
            assertThat(get("http://localhost:" + legacyPort + "/").statusCode()).isEqualTo(200);
            for (Map.Entry<ServiceSpec, Integer> service : servicePorts.entrySet()) {
                assertThat(get("http://localhost:" + service.getValue() + service.getKey().readinessPath())
                        .statusCode()).as(service.getKey().title()).isEqualTo(200);
            }
            assertThat(launcher.output()).contains("localhost:" + kafkaPort, "flag console 'operator': ");
            assertThat(descendants).hasSizeGreaterThanOrEqualTo(Landscape.SERVICES.size());

            launcher.interrupt();

            assertThat(launcher.process().waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.process().exitValue()).as(launcher.output()).isZero();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(descendants).noneMatch(ProcessHandle::isAlive));
            assertThat(ports).allMatch(LauncherProcess::isFree);
            assertThat(launcher.output()).contains("Stopping (SIGINT)", "legacy shop      stopped", "Stopped.");
            assertThat(RUN_DIR.resolve("pids")).doesNotExist();
        }
    }

    @Test
    void shouldNameABusyPortAndItsOptionBeforeStartingAnything() throws Exception {
        try (var taken = new java.net.ServerSocket(0);
                LauncherProcess launcher = LauncherProcess.start(LauncherProcess.REPOSITORY_ROOT, RUN_DIR,
                        "--legacy-port", "" + taken.getLocalPort(),
                        "--postgres-port", "" + LauncherProcess.freePort(),
                        "--kafka-port", "" + LauncherProcess.freePort())) {

            assertThat(launcher.process().waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(launcher.process().exitValue()).isEqualTo(1);
            assertThat(launcher.output()).contains("Port " + taken.getLocalPort() + " (legacy shop) is already in use",
                    "--legacy-port <port>");
            assertThat(launcher.output()).doesNotContain("PostgreSQL       started", "starting on port");
        }
    }

    @Test
    void shouldStopEverythingAndFailWhenAServiceCannotStart() throws Exception {
        // a repository whose service jars are all broken: each exits at once
        Path root = LauncherProcess.MODULE.resolve("target/it-broken-root");
        List<String> args = new ArrayList<>();
        for (ServiceSpec service : Landscape.SERVICES) {
            Files.createDirectories(root.resolve(service.jar()).getParent());
            Files.writeString(root.resolve(service.jar()), "not a jar");
            args.addAll(List.of(service.portOption(), "" + LauncherProcess.freePort()));
        }
        int postgresPort = LauncherProcess.freePort();

        args.addAll(List.of("--postgres-port", "" + postgresPort, "--kafka-port", "" + LauncherProcess.freePort()));

        try (LauncherProcess launcher = LauncherProcess.start(root, RUN_DIR, args.toArray(String[]::new))) {

            assertThat(launcher.process().waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(launcher.process().exitValue()).as(launcher.output()).isEqualTo(1);
            assertThat(launcher.output()).containsPattern("failed: exited with code 1 while starting")
                    .contains("| Error: Invalid or corrupt jarfile", "PostgreSQL       stopped");
            assertThat(LauncherProcess.isFree(postgresPort)).isTrue();
            assertThat(RUN_DIR.resolve("pids")).doesNotExist();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
