package io.strangler.orders.catalog;

import static io.strangler.orders.downstream.DownstreamClients.CATALOG;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.strangler.orders.downstream.Answer;
import io.strangler.orders.downstream.DownstreamClients;
import io.strangler.orders.downstream.ResilientCalls;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * catalog-service's internal stock-reservation API. Every call is idempotent on the reservation id, so all of them go
 * through {@link ResilientCalls} with retries.
 */
@Component
public class StockReservations {

    private final RestClient catalog;
    private final ResilientCalls calls;

    public StockReservations(@Qualifier("catalogRestClient") RestClient catalog, ResilientCalls calls) {
        this.catalog = catalog;
        this.calls = calls;
    }

    /** {@code POST /internal/stock-reservations}: 201/200 reserved, 409 insufficient stock, 422 unknown product. */
    public Answer<Reservation> reserve(String reservationId, List<ReservationRequest.Line> lines) {
        ReservationRequest body = new ReservationRequest(reservationId, lines);
        return calls.call(CATALOG, () -> catalog.post().uri("/internal/stock-reservations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> DownstreamClients.answer(CATALOG, response, Reservation.class)));
    }

    /** {@code POST /internal/stock-reservations/{id}/release}; idempotent. */
    public Answer<Reservation> release(String reservationId) {
        return transition(reservationId, "release");
    }

    /** {@code POST /internal/stock-reservations/{id}/confirm}; idempotent. */
    public Answer<Reservation> confirm(String reservationId) {
        return transition(reservationId, "confirm");
    }

    private Answer<Reservation> transition(String reservationId, String action) {
        return calls.call(CATALOG, () -> catalog.post().uri("/internal/stock-reservations/{id}/{action}", reservationId, action)
                .exchange((request, response) -> DownstreamClients.answer(CATALOG, response, Reservation.class)));
    }

    /** Request body of a reservation. */
    public record ReservationRequest(String reservationId, List<Line> lines) {

        /** One product and how many of it to hold. */
        public record Line(long productId, int quantity) {
        }
    }

    /** catalog-service's view of a reservation; {@code lines} priced at reservation time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reservation(String reservationId, String status, List<ReservedLine> lines) {
    }

    /** A reserved line with the product's SKU and unit price when reserved. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReservedLine(long productId, String sku, int quantity, long unitPriceCents) {
    }
}
