package io.strangler.orders.saga;

import io.strangler.contracts.money.Money;
import io.strangler.orders.OrdersProperties;
import io.strangler.orders.catalog.StockReservations;
import io.strangler.orders.catalog.StockReservations.Reservation;
import io.strangler.orders.downstream.Answer;
import io.strangler.orders.downstream.DownstreamRejection;
import io.strangler.orders.legacy.LegacyShop;
import io.strangler.orders.legacy.LegacyShop.Payment;
import io.strangler.orders.order.Order;
import io.strangler.orders.order.OrderStatus;
import io.strangler.orders.order.Orders;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the current step of a saga once: the downstream call first, then the step's outcome and the next step in one
 * transaction. A crash between the two repeats the call on resume, which every downstream treats idempotently
 * (reservation id {@code order-<id>}, payment {@code Idempotency-Key: order-<id>-charge}, idempotent
 * confirm/release/refund). A technical failure propagates as
 * {@link io.strangler.orders.downstream.DownstreamUnavailableException} and the step stays where it is.
 */
@Component
class PlacementSteps {

    private final Orders orders;
    private final Sagas sagas;
    private final StockReservations reservations;
    private final LegacyShop legacy;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrdersProperties.Saga settings;

    PlacementSteps(Orders orders, Sagas sagas, StockReservations reservations, LegacyShop legacy,
                   TransactionTemplate tx, Clock clock, OrdersProperties properties) {
        this.orders = orders;
        this.sagas = sagas;
        this.reservations = reservations;
        this.legacy = legacy;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.saga();
    }

    static String reservationId(long orderId) {
        return "order-" + orderId;
    }

    static String chargeKey(long orderId) {
        return "order-" + orderId + "-charge";
    }

    /** Runs the saga's current step; false when another instance took the saga over meanwhile. */
    boolean execute(Saga saga, String owner) {
        Order order = orders.find(saga.orderId()).orElseThrow();
        return switch (saga.step()) {
            case RESERVE_STOCK -> reserve(saga, order, owner);
            case CHARGE_PAYMENT -> charge(saga, order, owner);
            case CONFIRM_RESERVATION -> confirm(saga, order, owner);
            case REFUND_PAYMENT -> refund(saga, order, owner);
            case RELEASE_STOCK -> release(saga, order, owner);
            case FINISHED -> false;
        };
    }

    /** Gives up forward progress: compensates what may be held, starting with the payment if there is one. */
    boolean compensate(Saga saga, Order order, String owner, SagaFailure failure, String detail) {
        SagaStep first = order.paymentId() != null ? SagaStep.REFUND_PAYMENT : SagaStep.RELEASE_STOCK;
        return move(saga, owner, SagaState.COMPENSATING, first, failure, detail, "GAVE_UP", o -> { });
    }

    private boolean reserve(Saga saga, Order order, String owner) {
        List<StockReservations.ReservationRequest.Line> lines = order.lines().stream()
                .map(l -> new StockReservations.ReservationRequest.Line(l.productId(), l.quantity())).toList();
        Answer<Reservation> answer = reservations.reserve(reservationId(order.id()), lines);
        if (answer instanceof Answer.Rejected<Reservation> r) {
            // a 4xx reserved nothing: the order fails without compensation
            DownstreamRejection rejection = r.rejection();
            SagaFailure failure = switch (rejection.status()) {
                case 409 -> SagaFailure.INSUFFICIENT_STOCK;
                case 422 -> SagaFailure.UNKNOWN_REFERENCE;
                default -> SagaFailure.DOWNSTREAM_REJECTED;
            };
            return move(saga, owner, SagaState.COMPENSATED, SagaStep.FINISHED, failure, rejection.detail(), "REJECTED",
                    now -> orders.changeStatus(order.id(), OrderStatus.FAILED, now));
        }
        Reservation reservation = ((Answer.Ok<Reservation>) answer).value();
        Map<Long, Orders.PricedLine> priced = new HashMap<>();
        for (StockReservations.ReservedLine line : reservation.lines() == null ? List.<StockReservations.ReservedLine>of()
                : reservation.lines()) {
            priced.put(line.productId(), new Orders.PricedLine(line.sku(), Money.toEuros(line.unitPriceCents())));
        }
        Set<Long> ordered = order.lines().stream().map(Order.Line::productId).collect(Collectors.toSet());
        if (!"RESERVED".equals(reservation.status()) && !"CONFIRMED".equals(reservation.status())
                || !priced.keySet().equals(ordered)) {
            return compensate(saga, order, owner, SagaFailure.DOWNSTREAM_REJECTED,
                    "catalog-service answered reservation " + reservation.reservationId() + " with status "
                            + reservation.status() + " and products " + priced.keySet());
        }
        return move(saga, owner, SagaState.RUNNING, SagaStep.CHARGE_PAYMENT, null, null, "SUCCEEDED",
                now -> orders.price(order.id(), priced, now));
    }

    private boolean charge(Saga saga, Order order, String owner) {
        LegacyShop.Charge charge = new LegacyShop.Charge(order.customerId(), reservationId(order.id()), order.totalCents());
        Answer<Payment> answer = legacy.charge(chargeKey(order.id()), charge);
        if (answer instanceof Answer.Rejected<Payment> r) {
            // by the contract a 4xx charged nothing: only the reservation needs undoing
            SagaFailure failure = switch (r.rejection().status()) {
                case 402 -> SagaFailure.PAYMENT_DECLINED;
                case 422 -> SagaFailure.UNKNOWN_REFERENCE;
                default -> SagaFailure.DOWNSTREAM_REJECTED;
            };
            return move(saga, owner, SagaState.COMPENSATING, SagaStep.RELEASE_STOCK, failure, r.rejection().detail(),
                    "REJECTED", now -> { });
        }
        Payment payment = ((Answer.Ok<Payment>) answer).value();
        return move(saga, owner, SagaState.RUNNING, SagaStep.CONFIRM_RESERVATION, null, null, "SUCCEEDED",
                now -> orders.recordPayment(order.id(), payment.id(), now));
    }

    private boolean confirm(Saga saga, Order order, String owner) {
        Answer<Reservation> answer = reservations.confirm(reservationId(order.id()));
        if (answer instanceof Answer.Rejected<Reservation> r) {
            // the reservation cannot be confirmed (released or expired): refund and release
            return move(saga, owner, SagaState.COMPENSATING, SagaStep.REFUND_PAYMENT, SagaFailure.DOWNSTREAM_REJECTED,
                    r.rejection().detail(), "REJECTED", now -> { });
        }
        return move(saga, owner, SagaState.COMPLETED, SagaStep.FINISHED, null, null, "SUCCEEDED",
                now -> orders.changeStatus(order.id(), OrderStatus.CONFIRMED, now));
    }

    private boolean refund(Saga saga, Order order, String owner) {
        if (order.paymentId() == null) {
            return move(saga, owner, SagaState.COMPENSATING, SagaStep.RELEASE_STOCK, null, null, "SUCCEEDED", n -> { });
        }
        Answer<Payment> answer = legacy.refund(order.paymentId());
        // 404 / 409 invalid-state: there is no captured payment to give back
        String outcome = answer instanceof Answer.Ok ? "SUCCEEDED" : "REJECTED";
        return move(saga, owner, SagaState.COMPENSATING, SagaStep.RELEASE_STOCK, null, null, outcome, n -> { });
    }

    private boolean release(Saga saga, Order order, String owner) {
        Answer<Reservation> answer = reservations.release(reservationId(order.id()));
        // 404: nothing was reserved under this id, which is what a release wants anyway
        String outcome = answer instanceof Answer.Ok ? "SUCCEEDED" : "REJECTED";
        return move(saga, owner, SagaState.COMPENSATED, SagaStep.FINISHED, null, null, outcome,
                now -> orders.changeStatus(order.id(), OrderStatus.FAILED, now));
    }

    private boolean move(Saga saga, String owner, SagaState state, SagaStep step, SagaFailure failure, String detail,
                         String outcome, Consumer<Instant> orderChange) {
        Instant now = clock.instant();
        Boolean moved = tx.execute(status -> {
            if (!sagas.moveTo(saga, owner, state, step, failure, detail, now, now.plus(settings.lease()))) {
                return false;
            }
            orderChange.accept(now);
            sagas.log(saga.orderId(), saga.step(), outcome, failure == null ? detail : failure + ": " + detail, now);
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }
}
