package io.strangler.orders.saga;

/** The step a saga runs next; persisted, so a resumed saga repeats exactly this (idempotent) step. */
public enum SagaStep {
    RESERVE_STOCK, CHARGE_PAYMENT, CONFIRM_RESERVATION, REFUND_PAYMENT, RELEASE_STOCK, FINISHED
}
