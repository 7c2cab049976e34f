package io.strangler.demo.traffic;

import io.strangler.demo.issuer.DemoTokens;
import io.strangler.demo.landscape.SeedSizes;
import io.strangler.demo.runbook.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./strangler traffic}: steady shopper traffic through the gateway (GET products with varied
 * {@code X-Customer-Id}s, some GET orders), so that shadow gates and the canary judge get samples in the demo.
 */
@Command(mixinStandardHelpOptions = true, name = "traffic", usageHelpAutoWidth = true, header = "Send steady demo traffic through the gateway.",
        description = "GET /api/products/{id} (and a product list now and then) and GET /api/orders/{id} with a "
                + "random X-Customer-Id each, at a fixed rate, until Ctrl-C or --duration. Prints a line every 10 s.")
public final class TrafficCommand implements Callable<Integer> {

    private static final Duration TOKEN_TTL = Duration.ofHours(2);
    private static final Duration TOKEN_RENEWAL = Duration.ofHours(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "The gateway's front door (default: ${DEFAULT-VALUE}).")
    URI gatewayUrl;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20", description = "Requests per second, 1-1000 (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--orders-share", paramLabel = "P", defaultValue = "20",
            description = "Percent of requests that GET an order, 0-100 (default: ${DEFAULT-VALUE}).")
    int ordersShare;

    @Option(names = "--products", paramLabel = "N", defaultValue = "" + SeedSizes.DEFAULT_PRODUCTS,
            description = "Product ids 1..N are asked for (default: ${DEFAULT-VALUE}, the demo's seed).")
    int products;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "" + SeedSizes.DEFAULT_ORDERS,
            description = "Order ids 1..N are asked for (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "" + SeedSizes.DEFAULT_CUSTOMERS,
            description = "X-Customer-Id values 1..N (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".strangler/run",
            description = "The running demo's run folder: order requests carry a token its issuer signs for subject "
                    + "'demo-traffic' (default: ${DEFAULT-VALUE}).")
    Path runDir;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long (e.g. 10m); default: until Ctrl-C.")
    Duration duration;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** "Bearer ..." for order requests, renewed well before it expires; null without a demo issuer. */
    private volatile String authorization;

    @Override
    public Integer call() throws InterruptedException, IOException {
        validate();
        boolean signed = DemoTokens.issuerRunning(runDir);
        if (signed) {
            renewToken();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("sending %d requests/s to %s (%d %% orders%s)%s%n", rate, gatewayUrl, ordersShare,
                signed ? ", with a demo token" : ", without a token: no demo issuer in " + runDir,
                duration == null ? "; Ctrl-C stops" : " for " + duration.toString().substring(2).toLowerCase());
        out.flush();
        pacer.scheduleAtFixedRate(() -> send(http), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        pacer.scheduleAtFixedRate(() -> report(out), 10, 10, TimeUnit.SECONDS);
        if (signed) {
            pacer.scheduleAtFixedRate(this::renewTokenQuietly, TOKEN_RENEWAL.toMinutes(), TOKEN_RENEWAL.toMinutes(),
                    TimeUnit.MINUTES);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(pacer::shutdownNow));
        Instant end = duration == null ? Instant.MAX : Instant.now().plus(duration);
        pacer.awaitTermination(duration == null ? Long.MAX_VALUE : duration.toMillis(), TimeUnit.MILLISECONDS);
        pacer.shutdownNow();
        report(out);
        return Instant.now().isBefore(end) && duration != null ? 1 : 0;
    }

    private void validate() {
        String scheme = gatewayUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || gatewayUrl.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--gateway-url must be http(s)://host[:port], got " + gatewayUrl);
        }
        requireIn("--rate", rate, 1, 1000);
        requireIn("--orders-share", ordersShare, 0, 100);
        requireIn("--products", products, 1, 10_000_000);
        requireIn("--orders", orders, 1, 10_000_000);
        requireIn("--customers", customers, 1, 10_000_000);
    }

    private void requireIn(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max
                    + ", got " + value);
        }
    }

    private void send(HttpClient http) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String path = random.nextInt(100) < ordersShare ? "/api/orders/" + (1 + random.nextInt(orders))
                : random.nextInt(20) == 0 ? "/api/products" : "/api/products/" + (1 + random.nextInt(products));
        HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl.resolve(path)).timeout(Duration.ofSeconds(5))
                .header("X-Customer-Id", Integer.toString(1 + random.nextInt(customers))).GET();
        String bearer = authorization;
        if (bearer != null && path.startsWith("/api/orders")) {
            request.header("Authorization", bearer);
        }
        sent.incrementAndGet();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() >= 500) {
                failed.incrementAndGet();
            } else if (response.statusCode() >= 400 && response.statusCode() != 404) {
                refused.incrementAndGet();
            }
        });
    }

    private void renewToken() throws IOException {
        authorization = "Bearer " + DemoTokens.sign(runDir, "demo-traffic", List.of("shop"), TOKEN_TTL);
    }

    private void renewTokenQuietly() {
        try {
            renewToken();
        } catch (IOException | RuntimeException e) {
            // the current token stays valid for another TOKEN_TTL - TOKEN_RENEWAL; the next renewal tries again
            spec.commandLine().getErr().println("could not renew the demo token: " + e.getMessage());
        }
    }

    private void report(PrintWriter out) {
        out.printf("%s sent %d, failed %d (5xx or no answer), refused %d (4xx other than 404)%n",
                Instant.now().toString().substring(11, 19), sent.get(), failed.get(), refused.get());
        out.flush();
    }
}
