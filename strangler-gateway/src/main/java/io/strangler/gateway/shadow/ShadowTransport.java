package io.strangler.gateway.shadow;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The shadow copies' own transport: a connection pool and an event loop of their own, so that a copy's I/O and
 * response handling never queue behind, or ahead of, a client's request on the gateway's event loops. Disposed with
 * the application context.
 */
public final class ShadowTransport implements DisposableBean {

    /** Connections to a route's backends for copies, at most. */
    public static final int MAX_CONNECTIONS = 256;

    private final LoopResources loops = LoopResources.create("strangler-shadow", 1, true);
    /** The same event loop as a scheduler: a copy is prepared, timed and handled there, not on a client's loop. */
    private final Scheduler scheduler = Schedulers.fromExecutorService(loops.onClient(LoopResources.DEFAULT_NATIVE),
            "strangler-shadow");
    private final ConnectionProvider pool = ConnectionProvider.builder("strangler-shadow")
            .maxConnections(MAX_CONNECTIONS).pendingAcquireMaxCount(MAX_CONNECTIONS)
            .maxIdleTime(Duration.ofSeconds(30)).build();

    /**
     * The copies' client, observed by {@code observations}: each copy is a client span under the shadow span and
     * sends its {@code traceparent}.
     */
    public WebClient client(ObservationRegistry observations) {
        HttpClient http = HttpClient.create(pool).runOn(loops).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .observationRegistry(observations)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    /** The copies' event loop as a Reactor scheduler (one thread, the one their connections are served on). */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() {
        scheduler.dispose();
        pool.dispose();
        loops.dispose();
    }
}
