package io.strangler.flags.service;

import io.strangler.flags.accounts.test.AccountsHttp;
import io.strangler.flags.client.RouteState;
import io.strangler.infra.test.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running flag service shared by the integration tests (same database, same Spring context). Tests must not
 * assume a route is at version 0: read it first.
 */
@WithPostgres(database = "flag_service_it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "strangler.flags.users[0].name=olivia", // pre-hashed with bcrypt cost 4 (plain: operator-secret / viewer-secret) to keep per-request hashing cheap in tests
    "strangler.flags.users[0].password={bcrypt}$2a$04$WT.WreAz6Qj7QlI5laT/XO2sWI26tReDtCfWlbj9zb5PR.Eo12Rku",
    "strangler.flags.users[0].role=OPERATOR",
    "strangler.flags.users[1].name=victor", "strangler.flags.users[1].password={bcrypt}$2a$04$KGFc1iGL9HUYGAYQbNxY/utjOYt6LlSrsfRrLeOOIDVmIq9R7rjjO",
    "strangler.flags.users[1].role=VIEWER",
    "strangler.flags.stream.heartbeat=1s"
})
public abstract class FlagServiceITBase {

    public static final String OPERATOR = "olivia";
    public static final String OPERATOR_PASSWORD = "operator-secret";
    public static final String VIEWER = "victor";
    public static final String VIEWER_PASSWORD = "viewer-secret";

    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static String basic(String user, String password) {
        return AccountsHttp.basic(user, password);
    }

    protected HttpResponse<String> get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    protected HttpResponse<String> put(String path, String ifMatch, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    /** PUT as the operator, based on the route's current version. */
    protected HttpResponse<String> change(String routeId, String body) {
        return put("/api/routes/" + routeId, "\"" + route(routeId).version() + "\"", body, OPERATOR, OPERATOR_PASSWORD);
    }

    protected RouteState route(String routeId) {
        HttpResponse<String> response = get("/api/routes/" + routeId, VIEWER, VIEWER_PASSWORD);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET route " + routeId + " answered " + response.statusCode() + " " + response.body());
        }
        return json.readValue(response.body(), RouteState.class);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        return AccountsHttp.send(http, request);
    }
}
