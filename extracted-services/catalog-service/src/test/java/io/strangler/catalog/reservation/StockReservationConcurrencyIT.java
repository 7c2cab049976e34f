package io.strangler.catalog.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.catalog.CatalogIT;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class StockReservationConcurrencyIT extends CatalogIT {

    private static final int CALLERS = 24;

    @Test
    void neverOversellsWhenManyReserveTheLastUnitsAtOnce() throws Exception {
        fixtures.category(3, "Garden", null);
        fixtures.product(1001, 3, "129.99", 10);

        List<Integer> statuses = concurrently(i -> """
                {"reservationId":"order-%d","lines":[{"productId":1001,"quantity":1}]}""".formatted(i));

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
        assertThat(fixtures.onHand(1001)).isZero();
        assertThat(fixtures.reserved(1001)).isEqualTo(10);
    }

    @Test
    void reservesOnceWhenTheSameReservationArrivesManyTimesAtOnce() throws Exception {
        fixtures.category(3, "Garden", null);
        fixtures.product(1001, 3, "129.99", 10);

        List<Integer> statuses = concurrently(i -> """
                {"reservationId":"order-7","lines":[{"productId":1001,"quantity":3}]}""");

        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(CALLERS - 1);
        assertThat(fixtures.onHand(1001)).isEqualTo(7);
    }

    private List<Integer> concurrently(java.util.function.IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String json = body.apply(i);
                Callable<Integer> call = () -> {
                    start.await();
                    return http.post().uri("/internal/stock-reservations").contentType(MediaType.APPLICATION_JSON)
                            .body(json).exchange().returnResult(String.class).getStatus().value();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
