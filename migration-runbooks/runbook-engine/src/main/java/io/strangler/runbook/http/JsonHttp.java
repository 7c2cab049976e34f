package io.strangler.runbook.http;

import io.strangler.runbook.port.PortException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to one peer, with optional Basic credentials; failures become {@link PortException}s. */
final class JsonHttp {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String peer;
    private final URI baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;

    JsonHttp(String peer, URI baseUrl, String username, String password, Duration timeout) {
        this.peer = peer;
        this.baseUrl = baseUrl;
        this.authorization = username == null || username.isBlank() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    record Answer(int status, Map<String, java.util.List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer send(String method, String path, Object body, Map<String, String> headers) {
        URI uri = baseUrl.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? MAPPER.missingNode()
                    : MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().map(), json);
        } catch (IOException e) {
            throw new PortException(peer + " unreachable at " + method + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(peer + " call interrupted: " + method + " " + uri, e);
        } catch (JacksonException e) {
            throw new PortException(peer + " answered " + method + " " + uri + " with a body that is not JSON", e);
        }
    }

    PortException unexpected(String what, Answer answer) {
        String detail = answer.body().path("detail").asString("");
        return new PortException(peer + " refused " + what + ": HTTP " + answer.status()
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    static JsonNode required(JsonNode node, String field, String peer) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new PortException(peer + " answered without '" + field + "': " + node);
        }
        return value;
    }
}
