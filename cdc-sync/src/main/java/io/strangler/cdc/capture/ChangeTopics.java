package io.strangler.cdc.capture;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the change and dead-letter topics before anything produces to them, with the partitions the appliers need
 * and the broker's default replication factor — as Kafka Connect does with {@code topic.creation} — instead of
 * relying on auto-creation on first produce, which races with the idempotent producer's first batches.
 */
public final class ChangeTopics {

    private static final Logger log = LoggerFactory.getLogger(ChangeTopics.class);

    private ChangeTopics() {
    }

    /**
     * Creates the topics that do not exist yet with {@code partitions} partitions; existing ones are left as they are
     * (adding partitions moves keys between them), with a warning for those that have fewer.
     */
    public static void ensure(String bootstrapServers, Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            warnAboutFewerPartitions(admin, topics.stream().distinct().filter(existing::contains).toList(), partitions);
            List<NewTopic> missing = topics.stream().distinct().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // created concurrently: fine
                    throw e;
                }
            }
            log.info("Created change topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the change topics " + topics + " at "
                    + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the change topics", e);
        }
    }

    private static void warnAboutFewerPartitions(Admin admin, List<String> topics, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        described.values().stream().filter(d -> d.partitions().size() < partitions).forEach(d -> log.warn(
                "Topic {} has {} partition(s) for {} appliers: the others stay idle (add partitions with Kafka's tools; "
                        + "the row positions reject the older changes a key's move between partitions may replay)",
                d.name(), d.partitions().size(), partitions));
    }

    /** The topics a source's capture writes to: {@code <topic.prefix>.<schema>.<table>}, as Kafka Connect names them. */
    public static List<String> of(String topicPrefix, List<String> tables) {
        return tables.stream().map(table -> topicPrefix + "." + table).toList();
    }
}
