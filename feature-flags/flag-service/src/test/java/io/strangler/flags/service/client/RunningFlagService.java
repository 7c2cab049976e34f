package io.strangler.flags.service.client;

import io.strangler.flags.accounts.test.AccountsHttp;
import io.strangler.flags.service.FlagServiceApplication;
import io.strangler.infra.PostgresDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A flag service the test starts, stops and restarts itself, as the demo does with the jar. */
final class RunningFlagService implements AutoCloseable {

    static final String OPERATOR = "operator";
    static final String PASSWORD = "client-it-secret";

    private final PostgresDatabase database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ConfigurableApplicationContext context;
    private int port;

    RunningFlagService(PostgresDatabase database) {
        this.database = database;
    }

    /** Starts on the given port (0: a free one). */
    RunningFlagService start(int requestedPort) {
        context = new SpringApplicationBuilder(FlagServiceApplication.class).run(
                "--server.port=" + requestedPort,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                // the plain-password path, as the demo passes it through STRANGLER_FLAGS_OPERATOR_PASSWORD
                "--strangler.flags.operator.password=" + PASSWORD,
                "--strangler.flags.stream.heartbeat=1s",
                "--spring.main.banner-mode=off");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return this;
    }

    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    int port() {
        return port;
    }

    URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Changes a route through the API, based on its current version; returns the response body. */
    String change(String routeId, String body) {
        String etag = send(request("/api/routes/" + routeId).GET().build()).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> response = send(request("/api/routes/" + routeId).header("If-Match", etag)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("change answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri().resolve(path)).header("Authorization", AccountsHttp.basic(OPERATOR, PASSWORD));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return AccountsHttp.send(http, request);
    }

    @Override
    public void close() {
        stop();
    }
}
