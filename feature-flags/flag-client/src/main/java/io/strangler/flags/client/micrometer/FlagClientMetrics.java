package io.strangler.flags.client.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.strangler.flags.client.FlagClient;
import io.strangler.flags.client.SnapshotSource;

/**
 * Micrometer meters of a {@link FlagClient} (Micrometer is an optional dependency of the client):
 * <ul>
 *   <li>{@code strangler.flags.client.staleness} (seconds): time since the flag service last answered;</li>
 *   <li>{@code strangler.flags.client.stream.connected}: 1 while the push stream is connected, else 0;</li>
 *   <li>{@code strangler.flags.client.stream.connects}: stream (re)connections since start;</li>
 *   <li>{@code strangler.flags.client.routes}: routes in the snapshot;</li>
 *   <li>{@code strangler.flags.client.snapshot.source}: 1 for the tag {@code source} currently in use.</li>
 * </ul>
 */
public final class FlagClientMetrics implements MeterBinder {

    private final FlagClient client;

    public FlagClientMetrics(FlagClient client) {
        this.client = client;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("strangler.flags.client.staleness", client, c -> c.status().staleness().toNanos() / 1e9)
                .baseUnit("seconds").description("Time since the flag service last answered").register(registry);
        Gauge.builder("strangler.flags.client.stream.connected", client, c -> c.status().streamConnected() ? 1 : 0)
                .description("1 while the push stream is connected").register(registry);
        FunctionCounter.builder("strangler.flags.client.stream.connects", client, c -> c.status().reconnects())
                .description("Push stream (re)connections").register(registry);
        Gauge.builder("strangler.flags.client.routes", client, c -> c.snapshot().routes().size())
                .description("Routes in the snapshot").register(registry);
        for (SnapshotSource source : SnapshotSource.values()) {
            Gauge.builder("strangler.flags.client.snapshot.source", client, c -> c.status().source() == source ? 1 : 0)
                    .tag("source", source.name()).description("Where the snapshot came from").register(registry);
        }
    }
}
