package io.strangler.judge.source;

import io.strangler.judge.MetricSourceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET a JSON document with the JDK client; every failure becomes a {@link MetricSourceException} naming the URL. */
final class JsonHttp {

    private static final int MAX_BODY_IN_MESSAGE = 300;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;

    JsonHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The parsed body of a 200 answer. */
    JsonNode get(URI uri) {
        HttpResponse<String> response = send(uri);
        if (response.statusCode() != 200) {
            throw new MetricSourceException("GET " + uri + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            JsonNode json = MAPPER.readTree(response.body());
            if (json == null || !json.isObject()) {
                throw new MetricSourceException("GET " + uri + " answered JSON that is not an object: "
                        + abbreviate(response.body()));
            }
            return json;
        } catch (JacksonException notJson) {
            throw new MetricSourceException("GET " + uri + " answered something that is not JSON: "
                    + abbreviate(response.body()), notJson);
        }
    }

    private HttpResponse<String> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new MetricSourceException("GET " + uri + " failed: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MetricSourceException("GET " + uri + " was interrupted", interrupted);
        }
    }

    static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    /** A base URL as given by an operator: absolute http(s), no query or fragment; a trailing slash is dropped. */
    static URI base(String name, URI uri) {
        if (uri == null || !uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL without query or fragment,"
                    + " e.g. http://localhost:9080, got " + uri);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    static Duration timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return timeout;
    }
}
