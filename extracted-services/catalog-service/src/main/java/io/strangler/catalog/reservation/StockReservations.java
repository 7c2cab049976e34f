package io.strangler.catalog.reservation;

import io.strangler.catalog.stock.StockLevels;
import io.strangler.contracts.json.Timestamps;
import io.strangler.contracts.problem.InvalidField;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves, releases and confirms stock for orders-service's placement saga. Each operation is one transaction and
 * idempotent on the reservation id; refusals throw {@link ShopProblem} and roll everything back.
 */
@Service
class StockReservations {

    /** The outcome of a reserve call: {@code created} false when the id was known and nothing changed. */
    record Outcome(StockReservation reservation, boolean created) {
    }

    private final ReservationRepository reservations;
    private final StockLevels stock;
    private final Clock clock;

    StockReservations(ReservationRepository reservations, StockLevels stock, Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.clock = clock;
    }

    @Transactional
    Outcome reserve(ReservationRequest request) {
        requireDistinctProducts(request.lines());
        Instant now = now();
        if (!reservations.claim(request.reservationId(), now)) {
            return new Outcome(get(request.reservationId()), false);
        }
        Map<Long, ReservationRepository.ProductFacts> products = reservableProducts(request.lines());
        // a fixed lock order (by product id) keeps two reservations of the same products from deadlocking
        request.lines().stream().sorted(Comparator.comparing(ReservationRequest.Line::productId))
                .forEach(line -> take(line, now));
        List<StockReservation.Line> lines = new ArrayList<>();
        for (ReservationRequest.Line line : request.lines()) {
            ReservationRepository.ProductFacts product = products.get(line.productId());
            StockReservation.Line stored = new StockReservation.Line(product.id(), product.sku(), line.quantity(),
                    product.price());
            reservations.addLine(request.reservationId(), lines.size(), stored);
            lines.add(stored);
        }
        return new Outcome(new StockReservation(request.reservationId(), StockReservation.Status.RESERVED, lines),
                true);
    }

    @Transactional
    StockReservation release(String id) {
        StockReservation reservation = reservations.findForUpdate(id).orElseThrow(() -> notFound(id));
        return switch (reservation.status()) {
            case RELEASED -> reservation;
            case CONFIRMED -> throw invalidState(id, "confirmed", "released");
            case RESERVED -> {
                Instant now = now();
                sortedLines(reservation).forEach(line -> stock.release(line.productId(), line.quantity(), now));
                yield moveTo(reservation, StockReservation.Status.RELEASED, now);
            }
        };
    }

    @Transactional
    StockReservation confirm(String id) {
        StockReservation reservation = reservations.findForUpdate(id).orElseThrow(() -> notFound(id));
        return switch (reservation.status()) {
            case CONFIRMED -> reservation;
            case RELEASED -> throw invalidState(id, "released", "confirmed");
            case RESERVED -> {
                Instant now = now();
                sortedLines(reservation).forEach(line -> stock.confirm(line.productId(), line.quantity(), now));
                yield moveTo(reservation, StockReservation.Status.CONFIRMED, now);
            }
        };
    }

    @Transactional(readOnly = true)
    StockReservation get(String id) {
        return reservations.find(id).orElseThrow(() -> notFound(id));
    }

    private void requireDistinctProducts(List<ReservationRequest.Line> lines) {
        Set<Long> seen = new HashSet<>();
        List<InvalidField> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).productId())) {
                errors.add(new InvalidField("lines[" + i + "].productId",
                        "appears more than once in this reservation"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ShopProblem(ProblemType.VALIDATION_FAILED,
                    "A product may appear at most once per reservation", errors);
        }
    }

    private Map<Long, ReservationRepository.ProductFacts> reservableProducts(List<ReservationRequest.Line> lines) {
        Map<Long, ReservationRepository.ProductFacts> found = reservations.productFacts(
                        lines.stream().map(ReservationRequest.Line::productId).toList()).stream()
                .collect(Collectors.toMap(ReservationRepository.ProductFacts::id, Function.identity()));
        // worded as the legacy shop's order placement words it: orders-service may pass the detail on to clients
        for (int i = 0; i < lines.size(); i++) {
            long productId = lines.get(i).productId();
            ReservationRepository.ProductFacts product = found.get(productId);
            if (product == null || !product.active()) {
                String what = product == null ? "product" : "active product";
                throw new ShopProblem(ProblemType.UNKNOWN_REFERENCE,
                        "lines[" + i + "].productId: " + what + " " + productId + " does not exist");
            }
        }
        return found;
    }

    private void take(ReservationRequest.Line line, Instant now) {
        if (!stock.reserve(line.productId(), line.quantity(), now)) {
            throw new ShopProblem(ProblemType.INSUFFICIENT_STOCK, "Product " + line.productId() + ": "
                    + line.quantity() + " requested, " + stock.onHand(line.productId()) + " on hand");
        }
    }

    private StockReservation moveTo(StockReservation reservation, StockReservation.Status status, Instant now) {
        reservations.setStatus(reservation.id(), status, now);
        return new StockReservation(reservation.id(), status, reservation.lines());
    }

    private static List<StockReservation.Line> sortedLines(StockReservation reservation) {
        return reservation.lines().stream().sorted(Comparator.comparingLong(StockReservation.Line::productId)).toList();
    }

    private static ShopProblem notFound(String id) {
        return ShopProblem.notFound("Stock reservation", id);
    }

    private static ShopProblem invalidState(String id, String is, String wanted) {
        return new ShopProblem(ProblemType.INVALID_STATE,
                "Stock reservation " + id + " is " + is + " and cannot be " + wanted);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
