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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Runs the launcher jar end to end against the real service jars (the reactor builds them first): start with
 * random ports and a small seed, use the shop, check every service is ready, follow a change through cdc-sync and a
 * request through the gateway, Ctrl-C, and check that nothing is left running or listening.
 */
class DemoLauncherIT {

    /** Generous: CI machines are shared; the ≤ 60 s target is measured by hand on an idle machine. */
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN = Duration.ofMinutes(1);
    /** Legacy write to catalog read: Debezium, Kafka and the applier on a shared machine. */
    private static final Duration CDC = Duration.ofSeconds(60);

    /** One run folder for all tests (they run one after the other): PostgreSQL's binaries unpack there once. */
    private static final Path RUN_DIR = LauncherProcess.MODULE.resolve("target/it-run");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeTheLandscapeSyncLegacyChangesToCatalogAndLeaveNothingBehindAfterCtrlC() throws Exception {
        Map<ServiceSpec, Integer> servicePorts = new LinkedHashMap<>();
        Map<ServiceSpec, Integer> readinessPorts = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (ServiceSpec service : Landscape.SERVICES) {
            int port = LauncherProcess.freePort();
            servicePorts.put(service, port);
            readinessPorts.put(service, port);
            args.addAll(List.of(service.portOption(), "" + port));
            if (service.management().isPresent()) {
                int managementPort = LauncherProcess.freePort();
                readinessPorts.put(service, managementPort);
                args.addAll(List.of(service.management().get().option(), "" + managementPort));
            }
        }
        int legacyPort = servicePorts.get(Landscape.LEGACY_SHOP);
        int catalogPort = servicePorts.get(Landscape.CATALOG);
        int gatewayPort = servicePorts.get(Landscape.GATEWAY);
        int postgresPort = LauncherProcess.freePort();
        args.addAll(List.of("--postgres-port", "" + postgresPort,
                "--seed-products", "30", "--seed-customers", "5", "--seed-orders", "10"));

        try (LauncherProcess launcher = LauncherProcess.start(LauncherProcess.REPOSITORY_ROOT, RUN_DIR,
                args.toArray(String[]::new))) {
            try {
                await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                        .failFast("the launcher exited", () -> !launcher.process().isAlive())
                        .until(() -> launcher.output().contains("Landscape ready in"));
            } catch (ConditionTimeoutException e) {
                // the next test rewrites the run folder's logs: keep what the launcher said about its services
                throw new AssertionError("The landscape was not ready within " + STARTUP + "; launcher output:\n"
                        + launcher.output(), e);
            }
            List<ProcessHandle> descendants = launcher.process().descendants().toList();
            List<Integer> ports = new ArrayList<>(servicePorts.values());
            ports.addAll(readinessPorts.values());
            ports.add(postgresPort);
            int kafkaPort = launcher.reportedPort("Kafka").orElseThrow();
            ports.add(kafkaPort);

            HttpResponse<String> products = get("http://localhost:" + legacyPort + "/api/products?size=1");
            assertThat(products.statusCode()).isEqualTo(200);
            assertThat(products.body()).containsPattern("\"items\"\\s*:\\s*\\[\\s*\\{");
            assertThat(get("http://localhost:" + legacyPort + "/").statusCode()).isEqualTo(200);
            for (Map.Entry<ServiceSpec, Integer> service : readinessPorts.entrySet()) {
                assertThat(get("http://localhost:" + service.getValue() + service.getKey().readinessPath())
                        .statusCode()).as(service.getKey().title()).isEqualTo(200);
            }
            assertThat(launcher.output()).contains("localhost:" + kafkaPort, "flag console 'operator': ",
                    "cdc-sync API 'operator': ");
            assertThat(descendants).hasSizeGreaterThanOrEqualTo(Landscape.SERVICES.size());

            // the CDC path: a product renamed in the legacy shop shows up in catalog-service
            String product = get("http://localhost:" + legacyPort + "/api/products/7").body();
            String renamed = "Renamed by DemoLauncherIT " + System.nanoTime();
            HttpResponse<String> put = put("http://localhost:" + legacyPort + "/api/products/7",
                    productInput(product, renamed));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String cdcStatus = "http://localhost:" + servicePorts.get(Landscape.CDC) + "/api/status";
            await().atMost(CDC).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> inCatalog = get("http://localhost:" + catalogPort + "/api/products/7");
                // on failure, say how far cdc-sync got (its log is overwritten by the next test)
                assertThat(inCatalog.body()).as("catalog product 7; cdc-sync status: %s", get(cdcStatus).body())
                        .contains("\"name\":\"" + renamed + "\"");
            });

            // the front door: every route is LEGACY until the flag service says otherwise
            HttpResponse<String> viaGateway = get("http://localhost:" + gatewayPort + "/api/products/7");
            assertThat(viaGateway.statusCode()).isEqualTo(200);
            assertThat(viaGateway.headers().firstValue("X-Strangler-Backend")).contains("legacy");
            assertThat(viaGateway.body()).contains(renamed);

            // orders need a bearer token of the run's issuer (./strangler token); without one: 401, problem+json
            HttpResponse<String> anonymous = get("http://localhost:" + gatewayPort + "/api/orders/1");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            String token = token("--sub", "alice", "--scope", "shop");
            HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + gatewayPort + "/api/orders/1")).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).as(withToken.body()).isNotIn(401, 403);
            assertThat(withToken.headers().firstValue("X-Strangler-Backend")).contains("legacy");

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
                        "--postgres-port", "" + LauncherProcess.freePort())) {

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
            if (service.management().isPresent()) {
                args.addAll(List.of(service.management().get().option(), "" + LauncherProcess.freePort()));
            }
        }
        int postgresPort = LauncherProcess.freePort();

        args.addAll(List.of("--postgres-port", "" + postgresPort));

        try (LauncherProcess launcher = LauncherProcess.start(root, RUN_DIR, args.toArray(String[]::new))) {

            assertThat(launcher.process().waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(launcher.process().exitValue()).as(launcher.output()).isEqualTo(1);
            assertThat(launcher.output()).containsPattern("failed: exited with code 1 while starting")
                    .contains("| Error: Invalid or corrupt jarfile", "PostgreSQL       stopped");
            assertThat(LauncherProcess.isFree(postgresPort)).isTrue();
            assertThat(RUN_DIR.resolve("pids")).doesNotExist();
        }
    }

    /** A legacy {@code Product} as the {@code ProductInput} of docs/shop-api.md, with another name. */
    private static String productInput(String product, String name) {
        return "{\"sku\":" + field(product, "sku") + ",\"name\":\"" + name + "\",\"description\":"
                + field(product, "description") + ",\"categoryId\":" + field(product, "categoryId")
                + ",\"priceCents\":" + field(product, "priceCents") + ",\"stock\":" + field(product, "stock")
                + ",\"active\":" + field(product, "active") + "}";
    }

    /** The raw JSON value of a top-level string, number, boolean or null field. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.]+|true|false|null)")
                .matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> put(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ./strangler token} against the running launcher's run folder. */
    private static String token(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = StranglerCli.commandLine(Landscape.SERVICES,
                io.strangler.infra.InfraSettings.of(Map.of(), Map.of()), settings -> 0);
        cli.setOut(new java.io.PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of("token"));
        all.addAll(List.of(args));
        all.addAll(List.of("--run-dir", RUN_DIR.toString()));
        assertThat(cli.execute(all.toArray(String[]::new))).isZero();
        return out.toString().trim();
    }
}
