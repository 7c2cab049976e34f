package io.strangler.cdc.apply;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Changes held back because their parent row (e.g. a product's category, captured on another topic) has not
 * arrived yet. A held change is retried with the next polls; after {@link #LIMIT} it goes to the dead-letter topic.
 * Changed by the applier thread only; {@link #waiting()} may be read from any thread.
 */
final class ParentWait {

    /** How long a change may wait for its parent row. */
    static final Duration LIMIT = Duration.ofSeconds(30);
    private final Map<Held, Long> firstSeen = new ConcurrentHashMap<>();

    /** Whether the change has waited long enough; starts its clock on first call. */
    boolean expired(ConsumerRecord<?, ?> record) {
        long now = System.nanoTime();
        long first = firstSeen.computeIfAbsent(id(record), k -> now);
        return Duration.ofNanos(now - first).compareTo(LIMIT) > 0;
    }

    /** The change no longer waits (applied or dead-lettered). */
    void forget(ConsumerRecord<?, ?> record) {
        if (!firstSeen.isEmpty()) {
            firstSeen.remove(id(record));
        }
    }

    /** Forgets the changes of partitions this worker no longer reads. */
    void forget(Collection<TopicPartition> partitions) {
        firstSeen.keySet().removeIf(held -> partitions.contains(held.partition()));
    }

    /** Changes waiting now. */
    int waiting() {
        return firstSeen.size();
    }

    private static Held id(ConsumerRecord<?, ?> r) {
        return new Held(new TopicPartition(r.topic(), r.partition()), r.offset());
    }

    private record Held(TopicPartition partition, long offset) {
    }
}
