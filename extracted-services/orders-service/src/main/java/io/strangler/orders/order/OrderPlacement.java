package io.strangler.orders.order;

import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import io.strangler.orders.OrdersProperties;
import io.strangler.orders.downstream.Answer;
import io.strangler.orders.downstream.DownstreamUnavailableException;
import io.strangler.orders.legacy.LegacyShop;
import io.strangler.orders.saga.Saga;
import io.strangler.orders.saga.SagaOrchestrator;
import io.strangler.orders.saga.SagaState;
import io.strangler.orders.saga.Sagas;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POST /api/orders: idempotency, the customer check against the legacy shop, the PENDING order and its saga in one
 * transaction, then the saga up to the response deadline.
 */
@Service
class OrderPlacement {

    private final Orders orders;
    private final Sagas sagas;
    private final IdempotencyKeys keys;
    private final LegacyShop legacy;
    private final SagaOrchestrator orchestrator;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrdersProperties.Saga settings;

    OrderPlacement(Orders orders, Sagas sagas, IdempotencyKeys keys, LegacyShop legacy, SagaOrchestrator orchestrator,
                   TransactionTemplate tx, Clock clock, OrdersProperties properties) {
        this.orders = orders;
        this.sagas = sagas;
        this.keys = keys;
        this.legacy = legacy;
        this.orchestrator = orchestrator;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.saga();
    }

    /** The order to answer with 201; {@code replayed} when an earlier request with the same key made it. */
    record Placed(Order order, boolean replayed) {
    }

    Placed place(PlaceOrderRequest request, String idempotencyKey, String requestHash) {
        if (idempotencyKey != null) {
            Optional<Placed> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        checkCustomer(request.customerId());
        long orderId;
        try {
            orderId = create(request, idempotencyKey, requestHash);
        } catch (DuplicateKeyException raced) {
            // another request with the same key got in first
            return replay(idempotencyKey, requestHash).orElseThrow(() -> inFlight(idempotencyKey));
        }
        Optional<Saga> ended = orchestrator.runAndWait(orderId, settings.responseDeadline());
        if (ended.isPresent() && ended.get().state() == SagaState.COMPENSATED) {
            if (idempotencyKey != null) {
                keys.forget(idempotencyKey);
            }
            Saga saga = ended.get();
            throw new ShopProblem(saga.failure().problem(), saga.failureDetail());
        }
        if (idempotencyKey != null) {
            keys.answered(idempotencyKey, 201);
        }
        return new Placed(orders.find(orderId).orElseThrow(), false);
    }

    private Optional<Placed> replay(String key, String requestHash) {
        Optional<IdempotencyKeys.Entry> entry = keys.find(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (!entry.get().requestHash().equals(requestHash)) {
            throw new ShopProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + key + "' was already used with a different request body.");
        }
        if (entry.get().responseStatus() == null) {
            throw inFlight(key);
        }
        return Optional.of(new Placed(orders.find(entry.get().orderId()).orElseThrow(), true));
    }

    private static ShopProblem inFlight(String key) {
        return new ShopProblem(ProblemType.REQUEST_IN_PROGRESS,
                "A request with Idempotency-Key '" + key + "' is still being processed; retry shortly.");
    }

    private void checkCustomer(long customerId) {
        Answer<LegacyShop.Customer> answer;
        try {
            answer = legacy.customer(customerId);
        } catch (DownstreamUnavailableException e) {
            throw new ShopProblem(ProblemType.DOWNSTREAM_UNAVAILABLE,
                    "The customer could not be checked: the legacy shop is unavailable. Nothing was written.");
        }
        if (answer instanceof Answer.Rejected<LegacyShop.Customer> r) {
            if (r.rejection().status() == 404) {
                throw new ShopProblem(ProblemType.UNKNOWN_REFERENCE,
                        "Customer " + customerId + " does not exist.");
            }
            throw new ShopProblem(ProblemType.DOWNSTREAM_REJECTED,
                    "The legacy shop answered " + r.rejection().status() + " to the customer check.");
        }
    }

    private long create(PlaceOrderRequest request, String idempotencyKey, String requestHash) {
        Instant now = clock.instant();
        Long id = tx.execute(status -> {
            long orderId = orders.create(request.customerId(), request.lines(), now);
            sagas.create(orderId, orchestrator.owner(), now, orchestrator.leaseFrom(now));
            if (idempotencyKey != null) {
                keys.bind(idempotencyKey, requestHash, orderId, now);
            }
            return orderId;
        });
        return id;
    }
}
