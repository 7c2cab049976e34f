package io.strangler.flags.client.internal;

import io.strangler.flags.client.RouteState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The flag service's HTTP API as the client uses it: the route list and the event stream. */
public final class FlagServiceApi {

    private static final TypeReference<List<RouteState>> STATES = new TypeReference<>() {
    };

    private final HttpClient http;
    private final URI routes;
    private final URI stream;
    private final String authorization;
    private final Duration requestTimeout;
    private final JsonMapper json;

    public FlagServiceApi(HttpClient http, URI baseUri, String username, String password, Duration requestTimeout,
                          JsonMapper json) {
        this.http = http;
        String base = baseUri.toString().endsWith("/") ? baseUri.toString() : baseUri + "/";
        this.routes = URI.create(base + "api/routes");
        this.stream = URI.create(base + "api/routes/stream");
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    /** Fetches every route's state. */
    public List<RouteState> fetchRoutes() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(routes).timeout(requestTimeout)
                .header("Accept", "application/json").GET();
        HttpResponse<byte[]> response = http.send(authorize(request).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + routes + " answered " + response.statusCode());
        }
        return json.readValue(response.body(), STATES);
    }

    /** Opens the event stream; the caller reads and closes the returned body. */
    public InputStream openStream() throws IOException, InterruptedException {
        // no request timeout: the stream stays open; a dead stream is detected by missing heartbeats
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
        HttpResponse<InputStream> response = http.send(authorize(request).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("GET " + stream + " answered " + response.statusCode());
        }
        return response.body();
    }

    public List<RouteState> parseStates(String data) {
        return json.readValue(data, STATES);
    }

    public RouteState parseState(String data) {
        return json.readValue(data, RouteState.class);
    }

    private HttpRequest.Builder authorize(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
