package io.strangler.legacy.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.legacy.LegacyShopIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NoOversellingIT extends LegacyShopIT {

    static final int BUYERS = 24;
    static final int STOCK = 7;

    @Test
    void shouldNeverSellMoreThanIsOnHandWhenBuyersRaceForTheLastUnits() throws Exception {
        long garden = db.category("Garden");
        long scarce = db.product(garden, "SKU-000001", "Last benches", 1_000, STOCK);
        long plenty = db.product(garden, "SKU-000002", "Chairs", 100, 10_000);
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(db.customer("buyer" + i + "@example.com", 1_000_000));
        }

        List<Integer> statuses = placeAllAtOnce(buyers, scarce, plenty);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(STOCK);
        assertThat(db.stock(scarce)).isZero();
        assertThat(db.stock(plenty)).isEqualTo(10_000 - STOCK);
        assertThat(db.count("ORDERS")).isEqualTo(STOCK);
        assertThat(db.count("PAYMENTS")).isEqualTo(STOCK);
        assertThat(db.count("ORDER_LINES")).isEqualTo(2L * STOCK);
    }

    /** Every buyer asks for one scarce unit (plus a plentiful one, in the other line order half of the time). */
    private List<Integer> placeAllAtOnce(List<Long> buyers, long scarce, long plenty) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            String lines = i % 2 == 0
                    ? "{\"productId\": %d, \"quantity\": 1}, {\"productId\": %d, \"quantity\": 1}".formatted(scarce, plenty)
                    : "{\"productId\": %d, \"quantity\": 1}, {\"productId\": %d, \"quantity\": 1}".formatted(plenty, scarce);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"customerId\": %d, \"lines\": [%s]}".formatted(buyers.get(i), lines)))
                    .build();
            calls.add(() -> {
                start.await();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
