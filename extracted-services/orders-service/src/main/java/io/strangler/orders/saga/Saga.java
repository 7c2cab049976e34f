package io.strangler.orders.saga;

import java.time.Instant;

/**
 * One persisted order-placement saga (table {@code saga_instance}); its id is the order's.
 *
 * @param attempts consecutive technical failures of the current step
 */
public record Saga(long orderId, SagaState state, SagaStep step, SagaFailure failure, String failureDetail,
                   int attempts, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, Instant startedAt) {
}
