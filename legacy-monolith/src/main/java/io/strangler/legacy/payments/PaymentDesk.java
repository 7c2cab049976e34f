package io.strangler.legacy.payments;

import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import io.strangler.legacy.web.IdempotencyKeys;
import io.strangler.legacy.web.IdempotentResponse;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges and refunds. A charge is captured at once if the customer's captured-and-not-refunded payments plus the
 * new amount stay within the credit limit; otherwise it is declined and nothing is written.
 */
@Service
class PaymentDesk {

    static final String IDEMPOTENCY_SCOPE = "payments";

    private final PaymentRepository payments;
    private final IdempotencyKeys idempotencyKeys;

    PaymentDesk(PaymentRepository payments, IdempotencyKeys idempotencyKeys) {
        this.payments = payments;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Transactional
    IdempotentResponse charge(ChargeRequest charge, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : idempotencyKeys.hash(charge);
        if (idempotencyKey != null) {
            Optional<IdempotentResponse> earlier = idempotencyKeys.lookup(IDEMPOTENCY_SCOPE, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long creditLimit = payments.lockCustomerCreditLimit(charge.customerId())
                .orElseThrow(() -> ShopProblem.unknownReference("customerId", "customer", charge.customerId()));
        long captured = payments.capturedTotal(charge.customerId());
        if (captured + charge.amountCents() > creditLimit) {
            throw new ShopProblem(ProblemType.PAYMENT_DECLINED, "Charge of " + charge.amountCents() + " cents exceeds "
                    + "the credit left for customer " + charge.customerId() + " ("
                    + Math.max(0, creditLimit - captured) + " cents)");
        }
        Payment payment = get(payments.insertCaptured(charge));
        IdempotentResponse response = new IdempotentResponse(payment.id(), 201, idempotencyKeys.toJson(payment), false);
        if (idempotencyKey != null) {
            idempotencyKeys.remember(IDEMPOTENCY_SCOPE, idempotencyKey, requestHash, response);
        }
        return response;
    }

    @Transactional(readOnly = true)
    Payment get(long id) {
        return payments.findById(id).orElseThrow(() -> ShopProblem.notFound("Payment", id));
    }

    /** Refunds a captured payment; a refunded one is returned unchanged. */
    @Transactional
    Payment refund(long id) {
        Payment payment = payments.lockById(id).orElseThrow(() -> ShopProblem.notFound("Payment", id));
        if ("REFUNDED".equals(payment.status())) {
            return payment;
        }
        payments.markRefunded(id);
        return get(id);
    }
}
