package io.strangler.orders.downstream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Runs an outbound call through the Resilience4j retry, circuit breaker and bulkhead named after its downstream
 * ({@code catalog}, {@code legacy-shop}); configured under {@code resilience4j.*}. The timeout is the HTTP client's
 * read timeout per downstream (see {@link DownstreamClients}): a blocking call cut short by a TimeLimiter would keep
 * its thread busy anyway.
 *
 * <p>Order, outermost first: retry, circuit breaker, bulkhead, so each attempt counts in the breaker and takes a
 * bulkhead permit only while it runs.
 */
@Component
public class ResilientCalls {

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    public ResilientCalls(RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        this.retries = retries;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
    }

    /**
     * Calls {@code call}; only use it for idempotent calls, since failures are retried.
     *
     * @throws DownstreamUnavailableException when no definite answer came
     */
    public <T> T call(String downstream, Supplier<T> call) {
        Retry retry = retries.retry(downstream);
        CircuitBreaker breaker = breakers.circuitBreaker(downstream);
        Bulkhead bulkhead = bulkheads.bulkhead(downstream);
        Supplier<T> decorated = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call)));
        try {
            return decorated.get();
        } catch (ResourceAccessException | DownstreamServerError | CallNotPermittedException | BulkheadFullException e) {
            throw new DownstreamUnavailableException(downstream, e);
        }
    }
}
