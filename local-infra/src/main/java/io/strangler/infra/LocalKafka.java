package io.strangler.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, run inside this JVM by Kafka's own test kit (through spring-kafka-test's
 * {@link EmbeddedKafkaKraftBroker}). One combined broker/controller node; topics are auto-created with
 * {@value #DEFAULT_PARTITIONS} partitions unless created explicitly.
 *
 * <p>Kafka writes its logs under {@code java.io.tmpdir}: processes that run it point that property into their
 * build or run folder. Thread-safe. {@link #close()} stops the broker.
 */
public final class LocalKafka implements AutoCloseable {

    /** Partitions of auto-created topics. */
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final List<String> BROKER_ADDRESS_PROPERTIES =
            List.of("spring.kafka.bootstrap-servers", EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private static volatile LocalKafka shared;

    private final EmbeddedKafkaKraftBroker broker;

    private LocalKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on a free port of loopback ({@link #bootstrapServers()} says which).
     *
     * <p>There is no fixed-port variant: Kafka's test kit binds its listeners to sockets it pre-binds on free ports,
     * whatever the {@code listeners} setting says.
     */
    public static LocalKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(DEFAULT_PARTITIONS),
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        long started = System.nanoTime();
        // the broker publishes its address in these system properties and never clears them; InfraSettings would
        // then take a stopped broker for an external one: keep the process's properties as they were
        Map<String, String> before = systemProperties(BROKER_ADDRESS_PROPERTIES);
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + e.getMessage(), e);
        } finally {
            restore(before);
        }
        log.info("Kafka broker started at {} in {} ms", broker.getBrokersAsString(),
                (System.nanoTime() - started) / 1_000_000);
        return new LocalKafka(broker);
    }

    /** The one broker of this JVM, started on first use and stopped when the JVM exits. */
    public static LocalKafka shared() {
        LocalKafka instance = shared;
        if (instance == null) {
            synchronized (LocalKafka.class) {
                instance = shared;
                if (instance == null) {
                    instance = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "local-kafka-stop"));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** {@code host:port} list for {@code bootstrap.servers}, never null. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Creates topics (no-op for ones that exist) with the given partitions. */
    public void createTopics(int partitions, String... names) {
        Objects.requireNonNull(names, "names");
        for (String name : names) {
            broker.addTopicsWithResults(new NewTopic(name, partitions, (short) 1));
        }
    }

    private static Map<String, String> systemProperties(List<String> names) {
        Map<String, String> values = new HashMap<>();
        names.forEach(name -> values.put(name, System.getProperty(name)));
        return values;
    }

    private static void restore(Map<String, String> values) {
        values.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    /**
     * Stops the broker node (its listeners close; clients see the broker gone) and keeps its data and its port, as a
     * crashed or restarted broker would; {@link #startBrokerAgain()} brings it back at the same address. For tests of
     * how clients ride out a broker restart. The KRaft controller keeps running.
     */
    public synchronized void stopBroker() {
        broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
        log.info("Kafka broker at {} stopped (data and port kept)", bootstrapServers());
    }

    /** Starts the node {@link #stopBroker()} stopped, on the same port, and waits until it serves again. */
    public synchronized void startBrokerAgain() {
        try {
            broker.getCluster().brokers().values().forEach(BrokerServer::startup);
            broker.getCluster().waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The Kafka broker did not come back: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the Kafka broker", e);
        }
        log.info("Kafka broker at {} started again", bootstrapServers());
    }

    /** Stops the broker. Idempotent. */
    @Override
    public synchronized void close() {
        broker.destroy();
        log.info("Kafka broker stopped");
    }
}
