package io.strangler.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.strangler.infra.test.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared set-up of the component tests: orders-service on a random port with its own database on the embedded
 * PostgreSQL, catalog-service and the legacy shop stubbed by one WireMock server. All subclasses share one Spring
 * context.
 */
@WithPostgres(database = "orders_it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ComponentTestSupport {

    protected static final WireMockServer downstreams = new WireMockServer(options().dynamicPort());

    static {
        downstreams.start();
        Runtime.getRuntime().addShutdownHook(new Thread(downstreams::stop));
    }

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        registry.add("strangler.orders.catalog-url", downstreams::baseUrl);
        registry.add("strangler.orders.legacy-url", downstreams::baseUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private CircuitBreakerRegistry breakers;

    private Instant testStarted;

    @BeforeEach
    void cleanSlate() {
        testStarted = Instant.now();
        downstreams.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        jdbc.sql("TRUNCATE customer_order, order_line, saga_instance, saga_step_log, idempotency_key").update();
    }

    // ---- HTTP against orders-service

    protected HttpResponse<String> postOrder(String body, String... headers) {
        return send("POST", "/api/orders", body, "application/json", headers);
    }

    protected HttpResponse<String> getPath(String path) {
        return send("GET", path, null, null);
    }

    protected HttpResponse<String> send(String method, String path, String body, String contentType,
                                        String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static <T> T json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    protected static long orderId(HttpResponse<String> response) {
        return ((Number) json(response, "$.id")).longValue();
    }

    protected String orderStatus(long orderId) {
        return jdbc.sql("SELECT status FROM customer_order WHERE id = ?").param(orderId).query(String.class).single();
    }

    protected Map<String, Object> saga(long orderId) {
        return jdbc.sql("SELECT * FROM saga_instance WHERE order_id = ?").param(orderId).query().singleRow();
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /**
     * Requests the downstreams received since this test began. A delayed stub answer of the previous test may still
     * land in WireMock's journal after the reset, so it is filtered out by when the request arrived.
     */
    protected List<ServeEvent> downstreamRequestsOfThisTest() {
        return downstreams.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getLoggedDate().toInstant().isBefore(testStarted))
                .toList();
    }

    /** How many requests to a URL matching {@code urlRegex} the downstreams received since this test began. */
    protected long downstreamRequestsOfThisTest(String urlRegex) {
        return downstreamRequestsOfThisTest().stream().filter(e -> e.getRequest().getUrl().matches(urlRegex)).count();
    }

    // ---- downstream stubs

    protected static void customerExists(long customerId) {
        downstreams.stubFor(get("/api/customers/" + customerId).willReturn(okJson(
                "{\"id\":" + customerId + ",\"email\":\"ada@example.com\",\"name\":\"Ada\","
                        + "\"creditLimitCents\":500000,\"createdAt\":\"2026-01-01T00:00:00.000Z\"}")));
    }

    protected static MappingBuilder reserve() {
        return post("/internal/stock-reservations");
    }

    protected static MappingBuilder release(long orderId) {
        return post("/internal/stock-reservations/order-" + orderId + "/release");
    }

    protected static MappingBuilder confirm(long orderId) {
        return post("/internal/stock-reservations/order-" + orderId + "/confirm");
    }

    protected static MappingBuilder anyRelease() {
        return post(urlPathMatching(
                "/internal/stock-reservations/[^/]+/release"));
    }

    protected static MappingBuilder anyConfirm() {
        return post(urlPathMatching(
                "/internal/stock-reservations/[^/]+/confirm"));
    }

    protected static MappingBuilder charge() {
        return post("/api/payments");
    }

    protected static MappingBuilder anyRefund() {
        return post(urlPathMatching("/api/payments/[0-9]+/refund"));
    }

    /** catalog-service reserves product 1001 x2 at 129.99 EUR (and echoes the reservation id it got). */
    protected static ResponseDefinitionBuilder reserved() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"reservationId\":\"{{jsonPath request.body '$.reservationId'}}\",\"status\":\"RESERVED\","
                        + "\"lines\":[{\"productId\":1001,\"sku\":\"SKU-001001\",\"quantity\":2,\"unitPriceCents\":12999}]}")
                .withTransformers("response-template");
    }

    protected static ResponseDefinitionBuilder reservation(String status) {
        return okJson("{\"reservationId\":\"r\",\"status\":\"" + status + "\",\"lines\":[]}");
    }

    protected static ResponseDefinitionBuilder payment(long id, String status) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":" + id + ",\"customerId\":7,\"orderRef\":\"x\",\"amountCents\":25998,"
                        + "\"currency\":\"EUR\",\"status\":\"" + status + "\",\"createdAt\":\"2026-01-01T00:00:00.000Z\","
                        + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}");
    }

    protected static ResponseDefinitionBuilder problem(int status, String slug, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"/problems/" + slug + "\",\"title\":\"t\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    protected static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    protected static final String ORDER = "{\"customerId\":7,\"lines\":[{\"productId\":1001,\"quantity\":2}]}";
}
