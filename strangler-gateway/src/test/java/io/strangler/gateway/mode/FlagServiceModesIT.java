package io.strangler.gateway.mode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.gateway.Backends;
import io.strangler.gateway.StranglerGatewayApplication;
import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway routing by a real flag service (its repackaged jar run as a process on real PostgreSQL): a mode change
 * made through the flag service's API applies to the gateway's next requests, without restart.
 */
@WithPostgres(database = "gateway_flag_service")
@SpringBootTest(classes = StranglerGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "strangler.flags.client.username=victor",
                "strangler.flags.client.password=viewer-secret"})
class FlagServiceModesIT {

    private static final String OPERATOR = "olivia:operator-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Process flagService;
    private static int flagPort;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startFlagService(PostgresDatabase database) throws IOException {
        String jar = System.getProperty("strangler.flag-service.jar");
        assertThat(jar).as("system property strangler.flag-service.jar (set by failsafe)").isNotNull();
        flagPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--server.port=" + flagPort,
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--strangler.flags.users[0].name=olivia", "--strangler.flags.users[0].password=operator-secret",
                "--strangler.flags.users[0].role=OPERATOR",
                "--strangler.flags.users[1].name=victor", "--strangler.flags.users[1].password=viewer-secret",
                "--strangler.flags.users[1].role=VIEWER",
                "--strangler.flags.stream.heartbeat=1s"));
        File log = new File(System.getProperty("java.io.tmpdir"), "flag-service-it.log");
        flagService = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            assertThat(flagService.isAlive()).as("flag service died, see " + log).isTrue();
            return get("/api/routes/catalog").statusCode() == 200;
        });
    }

    @AfterAll
    static void stopFlagService() {
        if (flagService != null) {
            flagService.destroy();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("strangler.flags.client.base-url", () -> "http://127.0.0.1:" + flagPort);
        registry.add("strangler.gateway.legacy-uri", Backends.LEGACY::baseUrl);
        registry.add("strangler.gateway.routes[0].id", () -> "catalog");
        registry.add("strangler.gateway.routes[0].paths", () -> "/api/products/**");
        registry.add("strangler.gateway.routes[0].new-uri", Backends.NEW::baseUrl);
    }

    @Test
    void shouldApplyModeChangesFromTheFlagServiceToTheNextRequests() throws Exception {
        Backends.reset();
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
        Backends.NEW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("new")));
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();

        change("{\"mode\":\"LEGACY\",\"reason\":\"start of the test\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backend(client)).isEqualTo("legacy"));
        change("{\"mode\":\"NEW\",\"reason\":\"cut over catalog\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backend(client)).isEqualTo("new"));
        change("{\"mode\":\"NEW\",\"killSwitch\":true,\"reason\":\"roll back now\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(backend(client)).isEqualTo("legacy"));
    }

    private static String backend(WebTestClient client) {
        return client.get().uri("/api/products/1").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseHeaders().getFirst("X-Strangler-Backend");
    }

    private static void change(String body) throws Exception {
        HttpResponse<String> current = get("/api/routes/catalog");
        Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(current.body());
        assertThat(version.find()).as(current.body()).isTrue();
        HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + flagPort + "/api/routes/catalog"))
                .header("Content-Type", "application/json").header("If-Match", "\"" + version.group(1) + "\"")
                .header("Authorization", basic(OPERATOR)).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + flagPort + path))
                .header("Authorization", basic("victor:viewer-secret")).timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
