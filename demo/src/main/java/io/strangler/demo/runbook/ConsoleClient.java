package io.strangler.demo.runbook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The console's runs API ({@code /api/runs}) over HTTP Basic; a problem answer becomes a {@link ConsoleException}. */
final class ConsoleClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleClient(URI baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
    }

    JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new ConsoleException(describe(built, response.statusCode(), body));
            }
            return body;
        } catch (IOException e) {
            throw new ConsoleException("the console at " + baseUrl + " is not reachable (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "); is it running? Set --console-url otherwise");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException("interrupted");
        } catch (JacksonException e) {
            throw new ConsoleException("the console answered " + built.method() + " " + built.uri() + " with something "
                    + "that is not JSON; is --console-url the migration console?");
        }
    }

    private static String describe(HttpRequest request, int status, JsonNode problem) {
        StringBuilder text = new StringBuilder(request.method() + " " + request.uri().getPath() + " refused: HTTP "
                + status);
        if (status == 401) {
            text.append(" (wrong or missing credentials: --user/--password or STRANGLER_CONSOLE_USER/_PASSWORD)");
        }
        if (problem.path("detail").isString()) {
            text.append(": ").append(problem.path("detail").asString());
        }
        for (JsonNode error : problem.path("errors")) {
            text.append("\n  ").append(error.has("line") && error.path("line").asInt() > 0
                    ? "line " + error.path("line").asInt() + ": " : "")
                    .append(error.path("path").asString(error.path("field").asString(""))).append(": ")
                    .append(error.path("message").asString());
        }
        return text.toString();
    }
}
