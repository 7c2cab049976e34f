package io.strangler.orders.saga;

import io.strangler.contracts.problem.ProblemType;

/**
 * Why a saga compensated, and the problem the client gets when it was still waiting: the same status the legacy shop
 * gives for the same cause.
 */
public enum SagaFailure {
    INSUFFICIENT_STOCK(ProblemType.INSUFFICIENT_STOCK),
    UNKNOWN_REFERENCE(ProblemType.UNKNOWN_REFERENCE),
    PAYMENT_DECLINED(ProblemType.PAYMENT_DECLINED),
    /** a downstream answered a 4xx the contract does not expect (a bug on one side) */
    DOWNSTREAM_REJECTED(ProblemType.DOWNSTREAM_REJECTED),
    /** catalog-service gave no answer on the reservation within {@code reserve-give-up-after} */
    DOWNSTREAM_UNAVAILABLE(ProblemType.DOWNSTREAM_UNAVAILABLE);

    private final ProblemType problem;

    SagaFailure(ProblemType problem) {
        this.problem = problem;
    }

    /** The problem type (slug, status, title) the client gets. */
    public ProblemType problem() {
        return problem;
    }
}
