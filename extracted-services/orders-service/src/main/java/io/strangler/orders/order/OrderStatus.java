package io.strangler.orders.order;

/** Lifecycle of an order as the shop's contract names it. */
public enum OrderStatus {
    PENDING, CONFIRMED, FAILED, CANCELLED
}
