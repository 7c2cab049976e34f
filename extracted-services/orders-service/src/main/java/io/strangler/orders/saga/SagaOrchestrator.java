package io.strangler.orders.saga;

import io.strangler.orders.OrdersProperties;
import io.strangler.orders.downstream.DownstreamUnavailableException;
import io.strangler.orders.order.Orders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Drives order-placement sagas on the {@code sagaScheduler} pool: runs steps until the saga is terminal, or parks it
 * after a technical failure and runs it again after an exponential pause. Callers can wait for a saga to end.
 */
@Component
public class SagaOrchestrator {

    private static final Logger log = LoggerFactory.getLogger(SagaOrchestrator.class);

    private final Sagas sagas;
    private final Orders orders;
    private final PlacementSteps steps;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final OrdersProperties.Saga settings;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<Saga>> waiting = new ConcurrentHashMap<>();

    SagaOrchestrator(Sagas sagas, Orders orders, PlacementSteps steps,
                     @Qualifier("sagaScheduler") TaskScheduler scheduler, Clock clock, OrdersProperties properties) {
        this.sagas = sagas;
        this.orders = orders;
        this.steps = steps;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = properties.saga();
    }

    /** The lease owner this instance writes. */
    public String owner() {
        return settings.instanceId();
    }

    /** Lease end for a saga this instance claims now. */
    public Instant leaseFrom(Instant now) {
        return now.plus(settings.lease());
    }

    /**
     * Starts a new saga in the background and waits for it at most {@code deadline}.
     *
     * @return the terminal saga, or empty when it is still running
     */
    public Optional<Saga> runAndWait(long orderId, Duration deadline) {
        CompletableFuture<Saga> done = waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
        scheduler.schedule(() -> run(orderId), clock.instant());
        try {
            return Optional.of(done.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(orderId);
        }
    }

    /** Whether a thread of this instance is running the saga right now. */
    public boolean isRunning(long orderId) {
        return running.contains(orderId);
    }

    /** Runs (or resumes) a saga from its persisted step, if this instance can claim it. */
    public void run(long orderId) {
        if (!running.add(orderId)) {
            return;
        }
        Instant again = null;
        try {
            again = drive(orderId);
        } catch (RuntimeException e) {
            // e.g. the database is unreachable: the lease runs out and the recovery job resumes the saga
            log.error("Saga of order {} stopped; recovery will resume it", orderId, e);
        } finally {
            running.remove(orderId);
        }
        if (again != null) {
            scheduler.schedule(() -> run(orderId), again);
        }
    }

    /** Runs steps until the saga ends or parks; returns when to run it again, or null. */
    private Instant drive(long orderId) {
        Instant now = clock.instant();
        if (!sagas.claim(orderId, owner(), now, leaseFrom(now))) {
            sagas.find(orderId).filter(s -> s.state().terminal()).ifPresent(this::finished);
            return null;
        }
        while (true) {
            Saga saga = sagas.find(orderId).orElse(null);
            if (saga == null || !owner().equals(saga.leaseOwner())) {
                return null;
            }
            if (saga.state().terminal()) {
                finished(saga);
                return null;
            }
            if (saga.nextAttemptAt().isAfter(clock.instant())) {
                return saga.nextAttemptAt();
            }
            try {
                if (!steps.execute(saga, owner())) {
                    return null;
                }
            } catch (DownstreamUnavailableException e) {
                Instant next = afterFailure(saga, e);
                if (next != null) {
                    return next;
                }
            }
        }
    }

    /** Parks the saga for another attempt, or gives up on a reservation catalog-service never answered. */
    private Instant afterFailure(Saga saga, DownstreamUnavailableException e) {
        Instant now = clock.instant();
        if (saga.step() == SagaStep.RESERVE_STOCK
                && !now.isBefore(saga.startedAt().plus(settings.reserveGiveUpAfter()))) {
            log.warn("Order {}: no answer from catalog-service since {}; compensating", saga.orderId(), saga.startedAt());
            steps.compensate(saga, orders.find(saga.orderId()).orElseThrow(), owner(),
                    SagaFailure.DOWNSTREAM_UNAVAILABLE, e.getMessage());
            return null;
        }
        Instant next = now.plus(backoff(saga.attempts(), settings.retryBackoff(), settings.maxRetryBackoff()));
        log.info("Order {}: step {} failed ({}); next attempt at {}", saga.orderId(), saga.step(), e.getMessage(), next);
        sagas.log(saga.orderId(), saga.step(), "RETRY", e.getMessage(), now);
        return sagas.retryLater(saga, owner(), next, next.plus(settings.lease()), now) ? next : null;
    }

    /** Exponential: {@code first} x 2^attempts, capped at {@code max}. */
    static Duration backoff(int attempts, Duration first, Duration max) {
        Duration pause = first.multipliedBy(1L << Math.min(attempts, 20));
        return pause.compareTo(max) > 0 ? max : pause;
    }

    private void finished(Saga saga) {
        CompletableFuture<Saga> done = waiting.get(saga.orderId());
        if (done != null) {
            done.complete(saga);
        }
    }
}
