package io.strangler.runbook;

import io.strangler.infra.test.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The engine in {@link RunbookTestApplication} on real PostgreSQL, its peers in WireMock; one context for all ITs. */
@WithPostgres(database = "runbook_it")
@SpringBootTest(classes = RunbookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"strangler.runbooks.tick=100ms", "strangler.runbooks.flags.username=operator",
                "strangler.runbooks.flags.password=flags-secret", "strangler.runbooks.cdc.username=operator",
                "strangler.runbooks.cdc.password=cdc-secret", "strangler.runbooks.directory=.."})
public abstract class RunbookITBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("strangler.runbooks.flags.base-url", Peers::url);
        registry.add("strangler.runbooks.cdc.base-url", Peers::url);
        registry.add("strangler.runbooks.gateway-management-url", Peers::url);
        registry.add("strangler.runbooks.services.catalog-service", () -> Peers.url() + "/health/catalog");
    }

    protected record Answer(int status, String contentType, JsonNode body) {
    }

    protected Answer get(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), user);
    }

    protected Answer getWithHeader(String path, String user, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value).GET(),
                user);
    }

    protected Answer post(String path, String user, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    protected Answer startRun(String source, String yaml) {
        return post("/api/runs", RunbookTestApplication.OPERATOR, Map.of("source", source, "yaml", yaml));
    }

    protected JsonNode run(String id) {
        return get("/api/runs/" + id, RunbookTestApplication.VIEWER).body();
    }

    private Answer send(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + RunbookTestApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
