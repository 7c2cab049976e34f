package io.strangler.gateway.shadow;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.strangler.gateway.route.RouteDecision;
import io.strangler.gateway.route.RouteProperties;
import io.strangler.gateway.route.ShadowPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.function.Tuple2;

/**
 * Sends sampled copies of requests to a route's new backend, fire-and-forget, and compares the answers with
 * legacy's. Each route starts at most {@code maxRate} copies a second and has at most {@code maxConcurrent} in
 * flight: beyond either a copy is dropped and counted, never queued. A copy is sent once legacy's response to the
 * client is complete, from the copies' own event loop, WebClient and connection pool ({@link ShadowTransport}), with
 * a time limit: the client's request never waits for a copy being prepared, sent or answered, and the two calls do
 * not race for the backends' and the machine's CPU while the client waits. Comparisons that need a JSON parse and
 * diff run on a small bounded pool, off the event loops; a pair of byte-identical bodies is settled on the copies'
 * loop (no parse, no diff, no hand-over to another thread).
 */
public class ShadowMirror implements DisposableBean {

    /** Header every copy carries, so the new service and its logs can tell shadow traffic. */
    public static final String SHADOW_HEADER = "X-Strangler-Shadow";
    private static final Set<String> NOT_COPIED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive", "te", "trailer", "proxy-authorization");
    private static final int EXCERPT_CHARS = 2_000;

    private final WebClient client;
    private final Scheduler scheduler;
    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final Clock clock;
    private final int outcomesKept;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> rates = new ConcurrentHashMap<>();
    private final Map<String, ShadowComparator> comparators = new ConcurrentHashMap<>();
    private final Map<String, ShadowStats> stats = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor comparisons = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(512), runnable -> {
                Thread thread = new Thread(runnable, "strangler-shadow-compare");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    /**
     * @param shadowClient the copies' own client; observed by {@code observations}, so that copies carry the shadow
     *                     span's {@code traceparent}
     * @param scheduler    the event loop of {@code shadowClient}: copies are prepared and timed there
     * @param outcomesKept shadow outcomes kept per route for windowed counts ({@link ShadowStats#report})
     */
    public ShadowMirror(WebClient shadowClient, Scheduler scheduler, MeterRegistry registry,
                        ObservationRegistry observations, Clock clock, int outcomesKept) {
        this.client = shadowClient;
        this.scheduler = scheduler;
        this.registry = registry;
        this.observations = observations;
        this.clock = clock;
        this.outcomesKept = outcomesKept;
    }

    /**
     * Admits a copy of this request, or not: it must be in the sample (the policy's rate if set, else the flag's
     * percentage), under the route's rate ceiling ({@code max-rate}) and within its concurrency bound
     * ({@code max-concurrent}). A sampled request over either limit is dropped and counted, before any work is done
     * for it.
     *
     * @return the copy's permit, or null when no copy is made
     */
    ShadowPermit admit(RouteDecision decision) {
        RouteProperties route = decision.route();
        Double fixed = route.shadow().samplePercent();
        int buckets = fixed != null ? (int) Math.round(fixed * 100) : decision.setting().percentBuckets();
        if (ThreadLocalRandom.current().nextInt(10_000) >= buckets) {
            return null;
        }
        Semaphore routePermits = permits.computeIfAbsent(route.id(), id -> new Semaphore(route.shadow().maxConcurrent()));
        if (!rate(route).acquirePermission() || !routePermits.tryAcquire()) {
            stats(route.id()).count(ShadowStats.Result.DROPPED);
            return null;
        }
        return new ShadowPermit(routePermits);
    }

    /**
     * Fires the admitted copy; returns at once. {@code legacy} publishes legacy's response when it has been sent (or
     * completes empty when the exchange failed: then no copy is sent); only then is the copy prepared and sent, on
     * the copies' event loop. The copies run in a shadow span below {@code parent}, the client request's observation
     * (may be null). The permit is released when the copies end.
     */
    void mirror(ShadowPermit permit, RouteDecision decision, ServerHttpRequest request, byte[] body,
                Mono<CapturedResponse> legacy, Observation parent) {
        if (!permit.start()) {
            return;
        }
        try {
            fire(permit, decision, request, body, legacy, parent);
        } catch (RuntimeException | Error failed) {
            permit.release();
            throw failed;
        }
    }

    private void fire(ShadowPermit permit, RouteDecision decision, ServerHttpRequest request, byte[] body,
                      Mono<CapturedResponse> legacy, Observation parent) {
        RouteProperties route = decision.route();
        ShadowStats routeStats = stats(route.id());
        legacy.publishOn(scheduler)
                .flatMap(legacyResponse -> copies(route, request, body, parent)
                        .map(copies -> new Responses(legacyResponse, copies.getT1(), copies.getT2().orElse(null))))
                .doFinally(signal -> permit.release())
                .subscribe(responses -> compareLater(route, request.getMethod().name(), request.getURI().getRawPath(),
                                responses),
                        error -> routeStats.count(ShadowStats.Result.FAILED));
    }

    /** The copy to new and, when learning noise, a second call to legacy; sent when subscribed. */
    private Mono<Tuple2<CapturedResponse, Optional<CapturedResponse>>> copies(RouteProperties route,
            ServerHttpRequest request, byte[] body, Observation parent) {
        ShadowPolicy policy = route.shadow();
        boolean write = !ShadowPolicy.isSafe(request.getMethod().name());
        Mono<CapturedResponse> candidate = send(route.newUri(), request, body, policy, write);
        Mono<Optional<CapturedResponse>> again = policy.learnNoise()
                ? send(route.legacyUri(), request, body, policy, write).map(Optional::of) : Mono.just(Optional.empty());
        return ShadowObservation.around(Mono.zip(candidate, again), observations, parent, route.id());
    }

    private record Responses(CapturedResponse legacy, CapturedResponse candidate, CapturedResponse legacyAgain) {
    }

    /** Non-blocking: a copy over the route's rate is dropped, not delayed. */
    private RateLimiter rate(RouteProperties route) {
        return rates.computeIfAbsent(route.id(), id -> RateLimiter.of("shadow-" + id, RateLimiterConfig.custom()
                .limitForPeriod(route.shadow().maxRate()).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build()));
    }

    /** The route's shadow statistics (created empty on first use). */
    public ShadowStats stats(String routeId) {
        return stats.computeIfAbsent(routeId, id -> new ShadowStats(id, registry, outcomesKept, clock));
    }

    private void compareLater(RouteProperties route, String method, String path, Responses responses) {
        ShadowStats routeStats = stats(route.id());
        CapturedResponse legacy = responses.legacy();
        CapturedResponse candidate = responses.candidate();
        if (legacy.truncated() || candidate.truncated()) {
            routeStats.count(ShadowStats.Result.SKIPPED);
            return;
        }
        Runnable compare = () -> {
            ShadowComparator comparator = comparators.computeIfAbsent(route.id(),
                    id -> new ShadowComparator(id, route.shadow(), clock));
            ShadowComparison comparison = comparator.compare(method, path, legacy, candidate, responses.legacyAgain());
            if (comparison.matches()) {
                routeStats.count(ShadowStats.Result.MATCH); // excerpts are kept for mismatches only
            } else {
                routeStats.record(new ShadowSample(comparison, excerpt(comparator, legacy),
                        excerpt(comparator, candidate)));
            }
        };
        CapturedResponse again = responses.legacyAgain();
        if (ShadowComparator.sameBody(legacy, candidate) && (again == null || ShadowComparator.sameBody(legacy, again))) {
            // no body to parse or diff: microseconds, here on the copies' loop, rather than waking the pool's thread
            compare.run();
            return;
        }
        try {
            comparisons.execute(compare);
        } catch (RejectedExecutionException saturated) {
            routeStats.count(ShadowStats.Result.DROPPED);
        }
    }

    private Mono<CapturedResponse> send(URI backend, ServerHttpRequest request, byte[] body, ShadowPolicy policy,
                                        boolean write) {
        return Mono.defer(() -> exchange(backend, request, body, policy, write))
                .timeout(policy.timeout(), scheduler);
    }

    private Mono<CapturedResponse> exchange(URI backend, ServerHttpRequest request, byte[] body, ShadowPolicy policy,
                                            boolean write) {
        URI target = URI.create(backend.getScheme() + "://" + backend.getRawAuthority() + request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()));
        int limit = (int) policy.maxBodySize().toBytes();
        WebClient.RequestBodySpec spec = client.method(request.getMethod()).uri(target).headers(headers -> {
            copyHeaders(request.getHeaders(), headers);
            headers.set(SHADOW_HEADER, "true");
            if (write) {
                headers.set(policy.dryRunHeader(), "true");
            }
        });
        WebClient.RequestHeadersSpec<?> ready = body == null || body.length == 0 ? spec : spec.bodyValue(body);
        return ready.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(bytes -> new CapturedResponse(response.statusCode().value(),
                                HttpHeaders.copyOf(response.headers().asHttpHeaders()), bytes, bytes.length > limit)));
    }

    private static void copyHeaders(HttpHeaders from, HttpHeaders to) {
        for (String name : from.headerNames()) {
            if (!NOT_COPIED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !ShadowObservation.isTraceHeader(name)) {
                to.put(name, from.get(name));
            }
        }
    }

    private static String excerpt(ShadowComparator comparator, CapturedResponse response) {
        byte[] body = response.decodedBody();
        var json = ShadowComparator.parse(body);
        String text = json != null ? comparator.redactor().redact(json).toString()
                : new String(body, StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
    }

    @Override
    public void destroy() {
        comparisons.shutdownNow();
    }
}
