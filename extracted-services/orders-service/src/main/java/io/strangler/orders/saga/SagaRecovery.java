package io.strangler.orders.saga;

import io.strangler.orders.OrdersProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Resumes sagas nobody is running: at startup and every {@code strangler.orders.saga.recovery-interval}, every
 * non-terminal saga that is due and whose lease is free or expired (its instance crashed or stopped) is run again
 * from its persisted step.
 */
@Component
public class SagaRecovery {

    private static final Logger log = LoggerFactory.getLogger(SagaRecovery.class);
    private static final int BATCH = 100;

    private final Sagas sagas;
    private final SagaOrchestrator orchestrator;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Duration interval;

    SagaRecovery(Sagas sagas, SagaOrchestrator orchestrator, @Qualifier("sagaScheduler") TaskScheduler scheduler,
                 Clock clock, OrdersProperties properties) {
        this.sagas = sagas;
        this.orchestrator = orchestrator;
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = properties.saga().recoveryInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        scheduler.scheduleWithFixedDelay(this::resumeDueSafely, clock.instant(), interval);
    }

    /** Hands every saga due for resumption to the saga pool; returns how many. */
    public int resumeDue() {
        // with a stable instance id our own running sagas match too: leave those to the thread that runs them
        List<Long> due = sagas.due(orchestrator.owner(), clock.instant(), BATCH).stream()
                .filter(id -> !orchestrator.isRunning(id)).toList();
        if (!due.isEmpty()) {
            log.info("Resuming {} saga(s): {}", due.size(), due);
        }
        due.forEach(id -> scheduler.schedule(() -> orchestrator.run(id), clock.instant()));
        return due.size();
    }

    private void resumeDueSafely() {
        try {
            resumeDue();
        } catch (RuntimeException e) {
            log.warn("Saga recovery round failed; next round in {}", interval, e);
        }
    }
}
