package io.strangler.orders.saga;

/** Where an order-placement saga stands. COMPLETED and COMPENSATED are terminal. */
public enum SagaState {
    /** going forward: reserve, charge, confirm */
    RUNNING,
    /** undoing: refund, release */
    COMPENSATING,
    /** the order is CONFIRMED */
    COMPLETED,
    /** the order is FAILED and nothing is held downstream */
    COMPENSATED;

    public boolean terminal() {
        return this == COMPLETED || this == COMPENSATED;
    }
}
