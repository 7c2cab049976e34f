package io.strangler.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own failures as problem+json: an unreachable backend is a 502, a backend that does not answer in
 * time a 504, request errors keep their 4xx status.
 */
@Order(-2) // before Boot's default handler
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            code = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
            String slug = code == HttpStatus.NOT_FOUND ? "not-found"
                    : code == HttpStatus.GATEWAY_TIMEOUT ? "backend-timeout"
                    : code == HttpStatus.SERVICE_UNAVAILABLE ? "backend-unavailable"
                    : code.is4xxClientError() ? "malformed-request" : "gateway-error";
            return Problems.write(exchange, code, slug, status.getReason() == null ? code.getReasonPhrase() : status.getReason());
        }
        if (hasCause(error, ConnectException.class)) {
            return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "backend-unreachable",
                    "the backend for this route could not be reached");
        }
        if (hasCause(error, TimeoutException.class)) {
            return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "backend-timeout",
                    "the backend for this route did not answer in time");
        }
        log.warn("Gateway error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "gateway-error", "the gateway could not complete the request");
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
