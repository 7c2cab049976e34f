package io.strangler.console.peers;

import java.net.URI;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service the console talks to, answering JSON. Failures become a {@link PeerException} that names the peer, so
 * the console can tell an operator which part of the landscape is not answering.
 */
public final class Peer {

    private final String name;
    private final URI baseUrl;
    private final RestClient client;
    private final JsonMapper json;

    Peer(String name, URI baseUrl, RestClient client, JsonMapper json) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.client = client;
        this.json = json;
    }

    public String name() {
        return name;
    }

    /** GET {@code pathAndQuery} (already encoded), its JSON body. */
    public JsonNode get(String pathAndQuery) {
        return call(() -> client.get().uri(baseUrl.resolve(pathAndQuery)).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class));
    }

    /** PUT a JSON body, with extra headers; the answer's JSON body. */
    public JsonNode put(String path, Object body, Consumer<HttpHeaders> headers) {
        return call(() -> client.put().uri(baseUrl.resolve(path)).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).headers(headers).body(body).retrieve().body(JsonNode.class));
    }

    private JsonNode call(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (RestClientResponseException refused) {
            throw new PeerException(name, name + " answered " + refused.getStatusCode().value(), refused.getStatusCode(),
                    parse(refused.getResponseBodyAsString()), refused);
        } catch (ResourceAccessException unreachable) {
            throw new PeerException(name, name + " at " + baseUrl + " did not answer: " + rootMessage(unreachable),
                    null, null, unreachable);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
