package io.strangler.gateway.shadow;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Copies the primary response's bytes (up to a limit) as they stream to the client, without holding them back, and
 * publishes the captured response once the body is complete (or nothing if the exchange fails).
 */
final class ResponseTee extends ServerHttpResponseDecorator {

    private final int maxBytes;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final Sinks.One<CapturedResponse> captured = Sinks.one();
    private final AtomicBoolean truncated = new AtomicBoolean();

    ResponseTee(ServerHttpResponse delegate, int maxBytes) {
        super(delegate);
        this.maxBytes = maxBytes;
    }

    Mono<CapturedResponse> captured() {
        return captured.asMono();
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return super.writeWith(Flux.from(body).doOnNext(this::keep)).doOnSuccess(done -> complete());
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return super.writeAndFlushWith(Flux.from(body).map(part -> Flux.from(part).doOnNext(this::keep)))
                .doOnSuccess(done -> complete());
    }

    @Override
    public Mono<Void> setComplete() {
        return super.setComplete().doOnSuccess(done -> complete());
    }

    /** Called when the exchange ends; publishes nothing if the body never completed. */
    void abandon() {
        captured.tryEmitEmpty();
    }

    private void keep(DataBuffer buffer) {
        synchronized (copy) {
            int readable = buffer.readableByteCount();
            if (copy.size() + readable > maxBytes) {
                truncated.set(true);
                return;
            }
            byte[] bytes = new byte[readable];
            buffer.toByteBuffer(buffer.readPosition(), java.nio.ByteBuffer.wrap(bytes), 0, readable);
            copy.writeBytes(bytes);
        }
    }

    private void complete() {
        byte[] body;
        synchronized (copy) {
            body = copy.toByteArray();
        }
        int status = getStatusCode() == null ? 200 : getStatusCode().value();
        captured.tryEmitValue(new CapturedResponse(status, HttpHeaders.copyOf(getHeaders()), body, truncated.get()));
    }
}
