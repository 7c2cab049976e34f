package io.strangler.cdc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.strangler.cdc.CdcProperties.SourceDatabase;
import io.strangler.cdc.apply.ApplyProperties;
import io.strangler.cdc.apply.ChangeApplier;
import io.strangler.cdc.apply.DeadLetters;
import io.strangler.cdc.capture.CaptureProperties;
import io.strangler.cdc.capture.ChangeCapture;
import io.strangler.cdc.capture.ChangeTopics;
import io.strangler.cdc.echo.OriginMarker;
import io.strangler.cdc.mapping.TableMapping;
import io.strangler.cdc.ownership.TableOwnership;
import io.strangler.cdc.status.SyncMetrics;
import io.strangler.cdc.tracing.ChangeTracing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and stops the sync: prepares the sync's own tables in every database, then one capture per source and, per
 * direction and target database, {@code cdc.apply.workers} appliers sharing one consumer group.
 */
@Component
public class SyncRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncRuntime.class);

    private final CdcProperties properties;
    private final List<TableMapping> mappings;
    private final TableOwnership ownership;
    private final SyncMetrics metrics;
    private final CaptureProperties capture;
    private final ApplyProperties apply;
    private final ChangeTracing tracing;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, HikariDataSource> databases = new LinkedHashMap<>();
    private volatile Captures captures;
    private final List<ChangeApplier> appliers = new ArrayList<>();
    private KafkaProducer<String, String> producer;
    private ScheduledExecutorService supervisor;
    private volatile boolean running;

    public SyncRuntime(CdcProperties properties, List<TableMapping> mappings, TableOwnership ownership,
            SyncMetrics metrics, CaptureProperties capture, ApplyProperties apply, ChangeTracing tracing) {
        this.properties = properties;
        this.apply = apply;
        this.capture = capture;
        this.tracing = tracing;
        this.mappings = mappings;
        this.ownership = ownership;
        this.metrics = metrics;
        for (TableMapping m : mappings) {
            for (String db : List.of(m.source(), m.target())) {
                if (!properties.sources().containsKey(db)) {
                    throw new IllegalStateException("Mapping of " + m.sourceTable() + " needs cdc.sources." + db);
                }
            }
            if (ownership.owner(m.ownedTable()).isEmpty()) {
                throw new IllegalStateException("cdc.ownership." + m.ownedTable() + " is missing (LEGACY, SHARED, NEW)");
            }
        }
    }

    @Override
    public synchronized void start() {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create cdc.data-dir " + properties.dataDir(), e);
        }
        properties.sources().forEach((name, source) -> databases.put(name, prepare(name, source)));
        List<String> topics = new ArrayList<>();
        properties.sources().values()
                .forEach(source -> topics.addAll(ChangeTopics.of(source.topicPrefix(), source.tables())));
        ChangeTopics.ensure(properties.bootstrapServers(), topics, apply.workers());
        // nothing of the sync consumes the dead letters: one partition keeps them in the order they came
        ChangeTopics.ensure(properties.bootstrapServers(), List.of(properties.deadLetterTopic()), 1);
        producer = new KafkaProducer<>(producerConfig());
        if (capture.enabled()) {
            captures = new Captures(properties, new CaptureScope(properties.sources(), mappings), databases, producer,
                    json, tracing);
        } else {
            log.info("cdc.capture.enabled=false: appliers only, the changes are captured elsewhere");
        }
        DeadLetters deadLetters = new DeadLetters(producer, properties.deadLetterTopic());
        Map<String, Map<String, TableMapping>> byApplier = new LinkedHashMap<>();
        for (TableMapping m : mappings) {
            String topic = properties.sources().get(m.source()).topicPrefix() + "." + m.sourceTable();
            byApplier.computeIfAbsent(m.direction().tag() + "-" + m.target(), k -> new LinkedHashMap<>()).put(topic, m);
        }
        byApplier.forEach((name, byTopic) -> {
            TableMapping any = byTopic.values().iterator().next();
            for (int worker = 0; worker < apply.workers(); worker++) {
                appliers.add(new ChangeApplier(name, worker, apply.instance(), any.direction(), byTopic,
                        databases.get(any.target()), new KafkaConsumer<>(consumerConfig(name, worker)), deadLetters,
                        ownership, metrics, json, tracing));
            }
        });
        if (captures != null) {
            captures.start(ownership.all());
            ownership.addListener(captures);
            supervisor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "capture-supervisor"));
            supervisor.scheduleWithFixedDelay(captures::restartFailed, 5, 5, TimeUnit.SECONDS);
        }
        appliers.forEach(ChangeApplier::start);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        appliers.forEach(ChangeApplier::stopAsync);
        appliers.forEach(ChangeApplier::close);
        if (captures != null) {
            ownership.removeListener(captures);
            captures.close();
            captures = null;
        }
        if (producer != null) {
            producer.close();
        }
        databases.values().forEach(HikariDataSource::close);
        appliers.clear();
        databases.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The running captures; empty when capture runs elsewhere ({@code cdc.capture.enabled=false}). */
    public List<ChangeCapture> captures() {
        Captures now = captures;
        return now == null ? List.of() : now.all();
    }

    public List<ChangeApplier> appliers() {
        return List.copyOf(appliers);
    }

    private HikariDataSource prepare(String name, SourceDatabase source) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cdc-" + name);
        config.setJdbcUrl(source.jdbcUrl());
        config.setUsername(source.username());
        config.setPassword(source.password());
        // a worker holds one connection while it applies a poll; one more for the capture's start-up checks (parity
        // and Debezium open their own)
        config.setMaximumPoolSize(apply.workers() + 1);
        config.setMinimumIdle(1);
        // the appliers' statements unnest arrays of 1 to 2,000 rows: a generic plan assumes 10 and joins with nested
        // loops; a custom plan per execution knows the array's length (PostgreSQL 12+)
        config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        HikariDataSource ds = new HikariDataSource(config);
        try (Connection c = ds.getConnection()) {
            OriginMarker.ensureTable(c);
            ChangeApplier.prepareTarget(c);
        } catch (SQLException e) {
            ds.close();
            throw new IllegalStateException("Cannot prepare the sync's tables in " + source.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
        return ds;
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private Properties consumerConfig(String applier, int worker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup() + "-" + applier);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.consumerGroup() + "-" + applier + "-" + worker);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // a crashed applier's partitions move to its replacement after 10 s instead of the default 45 s
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }
}
