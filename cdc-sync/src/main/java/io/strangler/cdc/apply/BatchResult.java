package io.strangler.cdc.apply;

import io.strangler.cdc.apply.DeadLetters.DeadLetter;
import io.strangler.cdc.mapping.SourceChange;
import io.strangler.cdc.mapping.TableMapping;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What one poll's transaction did.
 *
 * @param applied the outcome of every change that reached a mapping
 * @param letters the changes for the dead-letter topic
 * @param held    per partition, the offset of the first change held back for its parent row (read again later)
 */
record BatchResult(List<Applied> applied, List<DeadLetter> letters, Map<TopicPartition, Long> held) {

    /** One change's outcome. */
    record Applied(TableMapping mapping, SourceChange change, ApplyOutcome outcome) {
    }
}
