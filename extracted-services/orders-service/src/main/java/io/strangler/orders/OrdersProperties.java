package io.strangler.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of orders-service, prefix {@code strangler.orders}.
 *
 * @param catalogUrl     base URL of catalog-service (stock reservations)
 * @param legacyUrl      base URL of the legacy shop (customers and payments stay there)
 * @param connectTimeout TCP connect timeout for both downstreams
 * @param catalogTimeout read timeout of one call to catalog-service
 * @param legacyTimeout  read timeout of one call to the legacy shop
 * @param saga           how order-placement sagas run
 */
@Validated
@ConfigurationProperties("strangler.orders")
public record OrdersProperties(
        @NotNull @DefaultValue("http://localhost:8082") URI catalogUrl,
        @NotNull @DefaultValue("http://localhost:8081") URI legacyUrl,
        @NotNull @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DefaultValue("2s") Duration catalogTimeout,
        @NotNull @DefaultValue("2s") Duration legacyTimeout,
        @Valid @NotNull @DefaultValue Saga saga) {

    /**
     * @param responseDeadline   how long POST /api/orders waits for the saga before answering 201 PENDING
     * @param retryBackoff       first pause before a step that failed for a technical reason runs again (doubles)
     * @param maxRetryBackoff    longest such pause
     * @param reserveGiveUpAfter after this long without an answer from catalog-service on the reservation, the saga
     *                           gives up and compensates (the order becomes FAILED)
     * @param lease              how long a saga stays claimed by this instance without progress; after a crash another
     *                           instance (or this one restarted) resumes it once the lease has run out
     * @param recoveryInterval   how often the recovery job looks for sagas to resume
     * @param workers            threads that run sagas
     * @param instanceId         owner name written into leases; give a stable one (e.g. the pod name) so a restarted
     *                           instance takes its own sagas back at once instead of waiting for the lease
     */
    public record Saga(
            @NotNull @DefaultValue("5s") Duration responseDeadline,
            @NotNull @DefaultValue("1s") Duration retryBackoff,
            @NotNull @DefaultValue("30s") Duration maxRetryBackoff,
            @NotNull @DefaultValue("60s") Duration reserveGiveUpAfter,
            @NotNull @DefaultValue("30s") Duration lease,
            @NotNull @DefaultValue("5s") Duration recoveryInterval,
            @Min(1) @DefaultValue("4") int workers,
            String instanceId) {

        public Saga {
            if (instanceId == null || instanceId.isBlank()) {
                instanceId = "orders-" + UUID.randomUUID();
            }
        }
    }
}
