package io.strangler.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.strangler.flags.accounts.test.AccountsHttp;
import io.strangler.infra.test.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console on a random port, its three peers (flag service, gateway management, cdc-sync) played by one WireMock
 * server with the answers their READMEs document. All ITs of the module share this Spring context.
 */
@WithPostgres(database = "console_it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // pre-hashed with bcrypt cost 4 (plain: operator-secret / viewer-secret), cheap per request in tests
    "strangler.console.users[0].name=olivia",
    "strangler.console.users[0].password={bcrypt}$2a$04$WT.WreAz6Qj7QlI5laT/XO2sWI26tReDtCfWlbj9zb5PR.Eo12Rku",
    "strangler.console.users[0].role=OPERATOR",
    "strangler.console.users[1].name=victor",
    "strangler.console.users[1].password={bcrypt}$2a$04$KGFc1iGL9HUYGAYQbNxY/utjOYt6LlSrsfRrLeOOIDVmIq9R7rjjO",
    "strangler.console.users[1].role=VIEWER",
    "strangler.console.flags.password=flags-operator-secret",
    "strangler.console.dashboard.poll-interval=1s",
    "strangler.runbooks.directory=src/test/resources/runbooks",
    "strangler.runbooks.tick=200ms",
    "strangler.runbooks.cdc.password=cdc-operator-secret"
})
public abstract class ConsoleITBase {

    public static final String OPERATOR = "olivia";
    public static final String OPERATOR_PASSWORD = "operator-secret";
    public static final String VIEWER = "victor";
    public static final String VIEWER_PASSWORD = "viewer-secret";

    protected static final WireMockServer peers = new WireMockServer(options().dynamicPort());

    static {
        peers.start();
        Runtime.getRuntime().addShutdownHook(new Thread(peers::stop));
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void peerUrls(DynamicPropertyRegistry registry) {
        registry.add("strangler.console.flags.url", peers::baseUrl);
        registry.add("strangler.console.gateway.management-url", peers::baseUrl);
        registry.add("strangler.console.cdc.url", peers::baseUrl);
    }

    @BeforeEach
    void landscape() {
        peers.resetAll();
        peers.stubFor(get(urlPathEqualTo("/api/routes")).willReturn(okJson(PeerAnswers.ROUTES)));
        peers.stubFor(get(urlPathEqualTo("/admin/routes")).willReturn(okJson(PeerAnswers.GATEWAY_ROUTES)));
        peers.stubFor(get(urlPathMatching("/admin/routes/[a-z]+/comparison")).willReturn(okJson(PeerAnswers.COMPARISON)));
        peers.stubFor(get(urlPathEqualTo("/api/audit")).willReturn(okJson(PeerAnswers.AUDIT)));
        peers.stubFor(get(urlPathEqualTo("/api/status")).willReturn(okJson(PeerAnswers.SYNC_STATUS)));
        peers.stubFor(get(urlPathEqualTo("/api/parity")).willReturn(okJson(PeerAnswers.PARITY)));
        // the runbook engine reads a route, then changes it: the answer echoes the change asked for
        peers.stubFor(get(urlPathMatching("/api/routes/[a-z]+")).willReturn(okJson(PeerAnswers.ROUTE_LEGACY)));
        peers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathMatching("/api/routes/[a-z]+"))
                .willReturn(okJson(PeerAnswers.ROUTE_CHANGED).withTransformers("response-template")));
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static String basic(String user, String password) {
        return AccountsHttp.basic(user, password);
    }

    protected HttpResponse<String> apiGet(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    protected HttpResponse<String> apiPut(String path, String contentType, String body, String user, String password,
                                       String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        return AccountsHttp.send(http, request);
    }

    /** A WireMock answer with a JSON problem body. */
    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }
}
