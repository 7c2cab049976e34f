package io.strangler.cdc;

import io.strangler.cdc.capture.ChangeCapture;
import io.strangler.cdc.ownership.Ownership;
import io.strangler.cdc.ownership.OwnershipListener;
import io.strangler.cdc.tracing.ChangeTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The embedded captures, one per source, each streaming the tables its {@link CaptureScope} needs under the current
 * owners. Around an ownership change it restarts the captures whose tables change: before the change, a capture that
 * must stream more tables restarts with them and the change waits until their changes reach the engine (so no write
 * made under the new owner is missed); after it, a capture streaming tables no owner needs restarts without them.
 * A restarted engine resumes from its flushed offsets, and Debezium sets the publication to its tables at start.
 */
final class Captures implements OwnershipListener {

    private static final Logger log = LoggerFactory.getLogger(Captures.class);
    /** How long an ownership change waits for a capture to stream its new tables. */
    static final Duration STREAMING_TIMEOUT = Duration.ofSeconds(60);

    private final CdcProperties properties;
    private final CaptureScope scope;
    private final Map<String, ? extends DataSource> databases;
    private final Producer<String, String> producer;
    private final ObjectMapper json;
    private final ChangeTracing tracing;
    private final List<ChangeCapture> captures = new CopyOnWriteArrayList<>();

    Captures(CdcProperties properties, CaptureScope scope, Map<String, ? extends DataSource> databases,
            Producer<String, String> producer, ObjectMapper json, ChangeTracing tracing) {
        this.properties = properties;
        this.scope = scope;
        this.databases = databases;
        this.producer = producer;
        this.json = json;
        this.tracing = tracing;
    }

    /** Starts one capture per source with the tables the owners need. */
    synchronized void start(Map<String, Ownership> owners) {
        properties.sources().keySet().forEach(name -> {
            ChangeCapture capture = create(name, scope.tables(name, List.of(owners)));
            captures.add(capture);
            capture.start();
        });
    }

    List<ChangeCapture> all() {
        return List.copyOf(captures);
    }

    /**
     * A capture stops when Kafka or the database fails; a new engine resumes from the last flushed offsets (what was
     * not acknowledged by Kafka is sent again, and the row positions reject what had arrived).
     */
    synchronized void restartFailed() {
        for (ChangeCapture capture : new ArrayList<>(captures)) {
            if ("FAILED".equals(capture.state().state())) {
                log.warn("Restarting the capture of {} after: {}", capture.name(), capture.state().error());
                restart(capture, capture.tables());
            }
        }
    }

    @Override
    public synchronized void beforeChange(Map<String, Ownership> current, Map<String, Ownership> next) {
        for (ChangeCapture capture : new ArrayList<>(captures)) {
            List<String> needed = scope.tables(capture.name(), List.of(current, next));
            if (!capture.tables().containsAll(needed)) {
                log.info("Capture of {}: streaming {} before the ownership change", capture.name(), needed);
                restart(capture, needed).awaitStreaming(databases.get(capture.name()), STREAMING_TIMEOUT);
            }
        }
    }

    @Override
    public synchronized void afterChange(Map<String, Ownership> owners) {
        for (ChangeCapture capture : new ArrayList<>(captures)) {
            List<String> needed = scope.tables(capture.name(), List.of(owners));
            if (!needed.equals(capture.tables())) {
                log.info("Capture of {}: streaming {} after the ownership change", capture.name(), needed);
                restart(capture, needed);
            }
        }
    }

    synchronized void close() {
        captures.forEach(ChangeCapture::close);
        captures.clear();
    }

    private ChangeCapture restart(ChangeCapture old, List<String> tables) {
        old.close();
        ChangeCapture fresh = create(old.name(), tables);
        captures.set(captures.indexOf(old), fresh);
        fresh.start();
        return fresh;
    }

    private ChangeCapture create(String name, List<String> tables) {
        return new ChangeCapture(name, properties.sources().get(name), tables, properties.dataDir(), producer, json,
                tracing);
    }
}
