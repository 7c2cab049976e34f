package io.strangler.gateway.fallback;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * The time limit of a call to the new backend, timed on the Netty event loop that serves the client's connection.
 * <p>
 * Resilience4j's {@code TimeLimiterOperator} is {@code Mono.timeout(Duration)}: per request it schedules a task on
 * Reactor's parallel scheduler (a locked {@code ScheduledThreadPoolExecutor} queue whose worker thread is woken when
 * the task becomes the earliest one, i.e. on nearly every request below saturation) and builds a description of the
 * whole operator chain with regular expressions for a {@code TimeoutException} that is almost never thrown. Here the
 * timer is a task on the request's own event loop (scheduled and cancelled on that thread, no lock, no wake-up), and
 * {@code timeout(Publisher, fallback)} builds no description. Outside a Netty server request (not expected) the
 * parallel scheduler times it as before.
 */
final class EventLoopTimeout {

    private EventLoopTimeout() {
    }

    /** {@code call}, failing with a {@link TimeoutException} unless it terminates within {@code limit}. */
    static <T> Mono<T> limit(Mono<T> call, Duration limit, ServerWebExchange exchange) {
        return call.timeout(timer(limit, exchange), Mono.error(() -> new TimeoutException(
                "the new backend did not answer within " + limit.toMillis() + " ms")));
    }

    private static Mono<Long> timer(Duration limit, ServerWebExchange exchange) {
        EventLoop loop = eventLoop(exchange);
        if (loop == null) {
            return Mono.delay(limit);
        }
        long nanos = limit.toNanos();
        return Mono.create(sink -> {
            io.netty.util.concurrent.ScheduledFuture<?> task = loop.schedule(() -> sink.success(0L), nanos,
                    TimeUnit.NANOSECONDS);
            sink.onCancel(() -> task.cancel(false));
        });
    }

    private static EventLoop eventLoop(ServerWebExchange exchange) {
        Object request;
        try {
            request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalArgumentException | IllegalStateException noNativeRequest) {
            return null; // a request that is not a server's (a mock, a foreign decorator): no event loop to time on
        }
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
