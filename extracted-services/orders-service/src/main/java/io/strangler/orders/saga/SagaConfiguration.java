package io.strangler.orders.saga;

import io.strangler.orders.OrdersProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
class SagaConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Runs sagas and the recovery job; on shutdown, steps in flight get a moment to persist their outcome. */
    @Bean
    ThreadPoolTaskScheduler sagaScheduler(OrdersProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(properties.saga().workers());
        scheduler.setThreadNamePrefix("saga-");
        // a saga started by a request continues that request's trace (its catalog and legacy calls carry traceparent)
        scheduler.setTaskDecorator(new ContextPropagatingTaskDecorator());
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }
}
