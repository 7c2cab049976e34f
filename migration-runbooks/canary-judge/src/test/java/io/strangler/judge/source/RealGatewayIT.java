package io.strangler.judge.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.strangler.judge.CanaryJudge;
import io.strangler.judge.CanarySamples;
import io.strangler.judge.JudgePolicy;
import io.strangler.judge.Judgement;
import io.strangler.judge.Verdict;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole chain for real: WireMock legacy (fast) and new (500 ms slower, 500 on /broken) behind the REAL gateway
 * (its jar, CANARY 50 %), scraped every second by a REAL Prometheus; both sources read it and the judge FAILs the
 * candidate. Prometheus counts come from {@code increase()}, which extrapolates, hence ranges rather than equality.
 */
class RealGatewayIT {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    /** Large enough to stand out of the gateway's own latency when four builds share two cores (load 30). */
    private static final int NEW_DELAY_MILLIS = 500;
    private static final WireMockServer LEGACY = new WireMockServer(options().dynamicPort());
    private static final WireMockServer NEW = new WireMockServer(options().dynamicPort());
    private static LocalProcess gateway;
    private static LocalProcess prometheus;
    private static int frontDoor;
    private static int management;
    private static int prometheusPort;
    private static Traffic warmUp;
    private static Traffic main;
    private static Path workDir;

    @BeforeAll
    static void startLandscapeAndDriveTraffic() throws Exception {
        Path prometheusBinary = LocalProcess.requiredFile("strangler.prometheus.binary",
                "install the Debian package 'prometheus' (apt-get install -y prometheus)");
        Path gatewayJar = LocalProcess.requiredFile("strangler.gateway.jar",
                "build it with ./mvnw -pl strangler-gateway -am -DskipTests package");
        startBackends();
        frontDoor = LocalProcess.freePort();
        management = LocalProcess.freePort();
        gateway = LocalProcess.start("gateway", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", gatewayJar.toString(), "--server.port=" + frontDoor,
                "--management.server.port=" + management, "--strangler.gateway.legacy-uri=" + LEGACY.baseUrl(),
                "--strangler.gateway.routes[0].id=catalog", "--strangler.gateway.routes[0].paths=/api/products/**",
                "--strangler.gateway.routes[0].new-uri=" + NEW.baseUrl(),
                "--strangler.gateway.routes[0].stickiness.header=X-Customer-Id",
                // else the gateway answers a failed GET to new from legacy, and new's errors never show
                "--strangler.gateway.routes[0].fallback.enabled=false",
                // the default 5 s time limit fails calls to new when four builds share two cores
                "--strangler.gateway.routes[0].timeouts.new-backend=60s",
                // calls to new run under a circuit breaker even without fallback: keep it closed for the test
                "--strangler.gateway.routes[0].fallback.failure-rate-threshold=100",
                "--strangler.gateway.fixed-modes.catalog=CANARY:50",
                // traced (every request sampled) but without exemplars: Debian's Prometheus 2.42 refuses the
                // OpenMetrics exemplars Micrometer puts on _count series ("does not support exemplars") and drops
                // the whole scrape; Prometheus >= 2.43 accepts them (docs/kubernetes.md)
                "--management.tracing.sampling.probability=1.0",
                "--management.tracing.exemplars.include=none"));
        prometheusPort = LocalProcess.freePort();
        prometheus = LocalProcess.start("prometheus", List.of(prometheusBinary.toString(),
                "--config.file=" + prometheusConfig(), "--storage.tsdb.path=" + tmp("prometheus-data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort, "--log.level=warn"));
        awaitUp(prometheus, "http://127.0.0.1:" + prometheusPort + "/-/ready");
        awaitUp(gateway, "http://127.0.0.1:" + management + "/actuator/health");

        // series exist from their first request on: create them all, and let Prometheus see them, before the traffic
        warmUp = Traffic.warmUp(frontDoor);
        awaitScraped(warmUp.total());
        main = Traffic.drive(frontDoor, 400, 10);
        awaitScraped(warmUp.total() + main.total());
    }

    @AfterAll
    static void stopLandscape() throws InterruptedException {
        if (prometheus != null) {
            prometheus.stop();
        }
        if (gateway != null) {
            gateway.stop();
        }
        LEGACY.stop();
        NEW.stop();
    }

    @Test
    void shouldReadExactCountsFromTheGatewaysComparisonApiAndFailTheCandidate() {
        CanarySamples samples = GatewayComparisonSource.of(URI.create("http://127.0.0.1:" + management))
                .samples("catalog", WINDOW);

        long candidateErrors = warmUp.candidateErrors() + main.candidateErrors();
        assertThat(samples.legacy().requests()).isEqualTo(warmUp.legacy() + main.legacy());
        assertThat(samples.legacy().errors()).isZero();
        // the gateway (NewBackendCall + RequestMetricsFilter) records a failed call to new twice when nothing falls
        // back: accept either count until that is settled in the gateway
        assertThat(samples.candidate().requests()).isBetween(warmUp.candidate() + main.candidate(),
                warmUp.candidate() + main.candidate() + candidateErrors);
        assertThat(samples.candidate().errors()).isBetween(candidateErrors, 2 * candidateErrors);
        assertThat(samples.candidate().latencySampleCount()).isEqualTo((int) samples.candidate().requests());
        assertFailsOnLatencyAndErrors(CanaryJudge.of(JudgePolicy.DEFAULT).judge(samples));
    }

    @Test
    void shouldReadCountsAndHistogramsFromPrometheusAndFailTheCandidate() {
        CanarySamples samples = PrometheusSource.of(URI.create("http://127.0.0.1:" + prometheusPort))
                .samples("catalog", WINDOW);

        // increase() starts from a series' first scraped value, so the warm-up made the series exist first; it also
        // extrapolates: the right series, summed right, within a band. A failure the gateway makes up (timeout,
        // reset) opens an outcome="error" series mid-traffic, whose first value is lost: out of the lower bounds.
        assertThat(samples.legacy().requests()).as(RealGatewayIT::rawCounts)
                .isBetween(Math.round(main.legacy() * 0.7), Math.round((warmUp.legacy() + main.legacy()) * 1.15) + 2);
        assertThat(samples.candidate().requests()).as(RealGatewayIT::rawCounts)
                .isBetween(Math.round((main.candidate() - main.gatewayErrors()) * 0.7),
                        Math.round((warmUp.candidate() + main.candidate()) * 1.15) + 2);
        assertThat(samples.legacy().errors()).isZero();
        assertThat(samples.candidate().errors()).as(RealGatewayIT::rawCounts).isPositive().isBetween(
                Math.round((main.candidateErrors() - main.gatewayErrors()) * 0.7),
                Math.round((warmUp.candidateErrors() + main.candidateErrors()) * 1.2) + 2);
        assertThat(samples.candidate().latencySampleCount()).isCloseTo((int) samples.candidate().requests(),
                within(5));
        // the delay shows in the buckets: every candidate sample sits in a bucket near or above it
        assertThat(java.util.Arrays.stream(samples.candidate().latenciesMillis()).min().orElseThrow())
                .as(() -> "candidate samples " + java.util.Arrays.stream(samples.candidate().latenciesMillis()).boxed()
                        .collect(java.util.stream.Collectors.groupingBy(v -> v, java.util.TreeMap::new,
                                java.util.stream.Collectors.counting())))
                .isGreaterThan(NEW_DELAY_MILLIS * 0.85);
        assertFailsOnLatencyAndErrors(CanaryJudge.of(JudgePolicy.DEFAULT).judge(samples));
    }

    private static void assertFailsOnLatencyAndErrors(Judgement judgement) {
        assertThat(judgement.verdict()).as(judgement.reason()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.reason()).contains("latency slower than legacy").contains("error rate");
        assertThat(judgement.candidate().latencyMedianMillis()).isGreaterThan(judgement.legacy().latencyMedianMillis());
    }

    /** What Prometheus holds, for a failure message: every scraped sample of the count series in the window. */
    private static String rawCounts() {
        try {
            return "client saw warm-up " + warmUp.legacy() + "/" + warmUp.candidate() + "/" + warmUp.candidateErrors()
                    + ", main " + main.legacy() + "/" + main.candidate() + "/" + main.candidateErrors()
                    + " (legacy/new/new errors); Prometheus: " + Traffic.prometheusRaw(prometheusPort,
                    "strangler_gateway_requests_seconds_count{route=\"catalog\"}[5m]");
        } catch (Exception unavailable) {
            return "Prometheus samples unavailable: " + unavailable;
        }
    }

    private static void startBackends() {
        LEGACY.start();
        NEW.start();
        LEGACY.stubFor(any(urlPathMatching("/api/products/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        NEW.stubFor(any(urlPathMatching("/api/products/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}").withFixedDelay(NEW_DELAY_MILLIS)));
        NEW.stubFor(any(urlPathEqualTo("/api/products/broken")).atPriority(1).willReturn(aResponse().withStatus(500)
                .withFixedDelay(NEW_DELAY_MILLIS)));
    }

    private static Path prometheusConfig() throws IOException {
        Path config = tmp("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: strangler-gateway
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(management));
        return config;
    }

    private static Path tmp(String name) throws IOException {
        if (workDir == null) {
            // fresh per run: Prometheus would otherwise sum an earlier run's series into the window
            workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "real-gateway-it");
        }
        return workDir.resolve(name).toAbsolutePath();
    }

    private static void awaitUp(LocalProcess process, String url) {
        // the gateway needs ~10 s alone, a minute when four builds share two cores
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            process.assertAlive();
            assertThat(Traffic.status(url)).isEqualTo(200);
        });
    }

    /** Until Prometheus' latest scrape of the gateway holds {@code total} requests. */
    private static void awaitScraped(long total) {
        String query = "sum(strangler_gateway_requests_seconds_count{route=\"catalog\"})";
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            prometheus.assertAlive();
            assertThat(Traffic.prometheusValue(prometheusPort, query)).isEqualTo(total);
        });
    }
}
