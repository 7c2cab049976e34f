package io.strangler.flags.client;

import io.strangler.flags.client.internal.Backoff;
import io.strangler.flags.client.internal.FlagServiceApi;
import io.strangler.flags.client.internal.RouteStateHolder;
import io.strangler.flags.client.internal.SnapshotFile;
import io.strangler.flags.client.internal.StreamSubscription;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps an up-to-date, immutable {@link RouteSnapshot} of the flag service's route modes.
 *
 * <p>On {@link #start()} it loads the last good snapshot from disk (if configured), fetches the current one from the
 * service, then subscribes to the service's event stream. While the stream is down it reconnects with exponential
 * backoff and polls the service meanwhile. Every applied change is saved to the snapshot file and reported to the
 * {@link RouteModeListener}s. When the service is unreachable the client keeps routing from what it last knew
 * (fail-static).
 *
 * <p>Thread-safe. {@link #snapshot()} is lock-free and cheap enough to call per request. Build with
 * {@link #builder(java.net.URI)}; close to stop its two daemon threads.
 */
public final class FlagClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FlagClient.class);

    private final FlagClientOptions options;
    private final Clock clock;
    private final FlagServiceApi api;
    private final SnapshotFile file;
    private final RouteStateHolder holder;
    private final StreamSubscription stream;
    private final ScheduledExecutorService scheduler;
    private final Thread streamThread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Instant createdAt;

    FlagClient(FlagClientOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.createdAt = clock.instant();
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout()).build();
        this.api = new FlagServiceApi(http, options.baseUri(), options.username(), options.password(),
                options.requestTimeout(), json);
        this.file = options.snapshotFile() == null ? null : new SnapshotFile(options.snapshotFile(), json);
        this.holder = new RouteStateHolder(file, clock);
        this.stream = new StreamSubscription(api, holder, new Backoff(options.initialBackoff(), options.maxBackoff()), clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("flag-client-poller"));
        this.streamThread = daemon("flag-client-stream").newThread(stream);
    }

    /** Starts building a client of the flag service at this base URI (e.g. {@code http://localhost:8084}). */
    public static FlagClientOptions.Builder builder(java.net.URI baseUri) {
        return new FlagClientOptions.Builder(baseUri);
    }

    /**
     * Loads the saved snapshot, fetches the current one and starts the subscription. Returns once the initial
     * snapshot is known or the service has been found unreachable (bounded by the request timeout); never throws
     * because the service is down.
     *
     * @throws IllegalStateException if called twice, or if the snapshot file exists but cannot be read
     */
    public FlagClient start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("FlagClient already started");
        }
        if (!fetch()) {
            loadFile();
        }
        streamThread.start();
        long poll = options.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollWhileStreamDown, poll, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> stream.dropIfSilentFor(options.streamIdleTimeout()), 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** The current snapshot; never null (empty before anything is known). */
    public RouteSnapshot snapshot() {
        return holder.snapshot();
    }

    /** The current state of one route, empty when unknown. */
    public Optional<RouteState> route(String routeId) {
        return holder.snapshot().route(routeId);
    }

    /** Registers a listener for every later change (add listeners before {@link #start()} to see the first snapshot). */
    public void addListener(RouteModeListener listener) {
        holder.addListener(listener);
    }

    public void removeListener(RouteModeListener listener) {
        holder.removeListener(listener);
    }

    /** Where the snapshot came from, whether the stream is connected and how stale the knowledge is. */
    public FlagClientStatus status() {
        Instant last = stream.lastContact();
        Duration staleness = Duration.between(last == null ? createdAt : last, clock.instant());
        return new FlagClientStatus(holder.source(), stream.connected(), last, staleness, stream.connects());
    }

    /** Stops the subscription and the poller. The last snapshot stays readable. */
    @Override
    public void close() {
        stream.close();
        scheduler.shutdownNow();
        streamThread.interrupt();
        try {
            streamThread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollWhileStreamDown() {
        if (!stream.connected()) {
            fetch();
        }
    }

    private boolean fetch() {
        try {
            holder.replaceAll(api.fetchRoutes(), SnapshotSource.SERVICE);
            stream.touch();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.debug("Fetching routes from the flag service failed: {}", e.toString());
            return false;
        }
    }

    private void loadFile() {
        if (file == null) {
            log.warn("Flag service unreachable at start and no snapshot file configured: every route is LEGACY for now");
            return;
        }
        file.load().ifPresentOrElse(states -> {
            holder.replaceAll(states, SnapshotSource.FILE);
            log.warn("Flag service unreachable at start: routing from the saved snapshot {} ({} routes)", file.path(), states.size());
        }, () -> log.warn("Flag service unreachable at start and no saved snapshot at {}: every route is LEGACY for now", file.path()));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
