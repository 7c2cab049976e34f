package io.strangler.orders.saga;

/**
 * Why a saga compensated, and the problem the client gets when it was still waiting: the same status the legacy shop
 * gives for the same cause.
 */
public enum SagaFailure {
    INSUFFICIENT_STOCK(409, "insufficient-stock", "Insufficient stock"),
    UNKNOWN_REFERENCE(422, "unknown-reference", "Unknown reference"),
    PAYMENT_DECLINED(402, "payment-declined", "Payment declined"),
    /** a downstream answered a 4xx the contract does not expect (a bug on one side) */
    DOWNSTREAM_REJECTED(502, "downstream-rejected", "Downstream rejected the request"),
    /** catalog-service gave no answer on the reservation within {@code reserve-give-up-after} */
    DOWNSTREAM_UNAVAILABLE(503, "downstream-unavailable", "Downstream unavailable");

    private final int status;
    private final String slug;
    private final String title;

    SagaFailure(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
