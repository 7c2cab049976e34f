package io.strangler.flags.client;

import java.time.Duration;
import java.time.Instant;

/**
 * Health of a {@link FlagClient}, for metrics and health checks.
 *
 * @param source          where the current snapshot came from; never null
 * @param streamConnected whether the push stream is connected right now (when false the client polls)
 * @param lastContact     when the flag service last answered (snapshot, event or heartbeat); null if never
 * @param staleness       time since {@code lastContact} (since the client started, if never); never null
 * @param reconnects      how many times the push stream was (re)connected since start
 */
public record FlagClientStatus(SnapshotSource source, boolean streamConnected, Instant lastContact, Duration staleness,
                               long reconnects) {
}
