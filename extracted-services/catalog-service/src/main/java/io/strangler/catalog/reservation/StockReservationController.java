package io.strangler.catalog.reservation;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The internal API orders-service's saga calls; not part of the public shop contract. */
@RestController
@RequestMapping(path = "/internal/stock-reservations", produces = "application/json")
class StockReservationController {

    private final StockReservations reservations;

    StockReservationController(StockReservations reservations) {
        this.reservations = reservations;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<ReservationJson> reserve(@Valid @RequestBody ReservationRequest request) {
        StockReservations.Outcome outcome = reservations.reserve(request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ReservationJson.of(outcome.reservation()));
    }

    @PostMapping("/{id}/release")
    ReservationJson release(@PathVariable String id) {
        return ReservationJson.of(reservations.release(id));
    }

    @PostMapping("/{id}/confirm")
    ReservationJson confirm(@PathVariable String id) {
        return ReservationJson.of(reservations.confirm(id));
    }

    @GetMapping("/{id}")
    ReservationJson get(@PathVariable String id) {
        return ReservationJson.of(reservations.get(id));
    }
}
