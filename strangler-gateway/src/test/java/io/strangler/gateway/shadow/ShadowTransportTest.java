package io.strangler.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The copies' client against a real HTTP server: its responses are handled on the shadow's own event loop. */
class ShadowTransportTest {

    private HttpServer backend;
    private final ShadowTransport transport = new ShadowTransport();

    @BeforeEach
    void startBackend() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stop() {
        transport.destroy();
        backend.stop(0);
    }

    @Test
    void shouldHandleCopiesOnItsOwnEventLoopNotTheGatewaysOnes() {
        String thread = transport.client(ObservationRegistry.NOOP).get()
                .uri("http://127.0.0.1:" + backend.getAddress().getPort() + "/api/products/1")
                .retrieve().bodyToMono(String.class)
                .map(body -> body + " on " + Thread.currentThread().getName())
                .block(Duration.ofSeconds(10));

        assertThat(thread).startsWith("{\"id\":1} on strangler-shadow");
    }

    @Test
    void shouldTimeCopiesOnItsOwnEventLoop() {
        // a copy's time limit is a task on the copies' loop (no other thread is woken for it)
        String thread = Mono.never().timeout(Duration.ofMillis(50), transport.scheduler())
                .onErrorResume(TimeoutException.class, timedOut -> Mono.just(Thread.currentThread().getName()))
                .block(Duration.ofSeconds(10))
                .toString();

        assertThat(thread).startsWith("strangler-shadow");
    }
}
