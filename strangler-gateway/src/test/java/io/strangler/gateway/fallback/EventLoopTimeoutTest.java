package io.strangler.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The time limit outside a Netty server request (timed on Reactor's scheduler); on the event loop it is covered by
 * FallbackIT's timeout case through a real gateway.
 */
class EventLoopTimeoutTest {

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/x"));

    @Test
    void shouldFailWithATimeoutNamingTheLimitWhenTheCallDoesNotEnd() {
        Mono<Integer> limited = EventLoopTimeout.limit(Mono.never(), Duration.ofMillis(50), exchange);

        assertThatThrownBy(() -> limited.block(Duration.ofSeconds(10)))
                .hasRootCauseInstanceOf(TimeoutException.class)
                .rootCause().hasMessage("the new backend did not answer within 50 ms");
    }

    @Test
    void shouldPassTheAnswerOnWhenItComesInTime() {
        assertThat(EventLoopTimeout.limit(Mono.just(7), Duration.ofSeconds(5), exchange).block(Duration.ofSeconds(10)))
                .isEqualTo(7);
    }
}
