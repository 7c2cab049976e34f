package io.strangler.cdc;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.strangler.infra.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bench only: the baseline the sync is compared with, built from the same parts and nothing else. Debezium embedded
 * (same connector settings that matter: pgoutput, {@code poll.interval.ms=10}, batch size, JSON without schemas)
 * captures legacy {@code PRODUCTS}; a producer ({@code acks=all}, idempotent) publishes to Kafka and waits for the
 * acknowledgement before the offsets are marked; one consumer upserts every poll with one JDBC batch into a copy
 * table that carries the source position (no mapping layer, no position table, no origin marker, no echo filter, no
 * ownership, no dead-letter topic), commits, then commits the Kafka offsets.
 */
final class PlainPipeline implements AutoCloseable {

    static final String TARGET_TABLE = "product_copy";

    private static final String UPSERT = """
            INSERT INTO product_copy AS t (id, description, price_cents, source_lsn) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET description = EXCLUDED.description, price_cents = EXCLUDED.price_cents,
                source_lsn = EXCLUDED.source_lsn
            WHERE t.source_lsn < EXCLUDED.source_lsn
            """;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final PostgresDatabase target;
    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final DebeziumEngine<ChangeEvent<String, String>> engine;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private volatile boolean running = true;

    PlainPipeline(PostgresDatabase source, PostgresDatabase target, String bootstrapServers, Path dataDir) {
        this.target = target;
        this.topic = "plain.public.products";
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "plain-pipeline", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        this.engine = DebeziumEngine.create(Json.class).using(settings(source, dataDir)).notifying(this::publish)
                .build();
    }

    /** Creates the copy table in the target database, with catalog-service's fill factor for its product table. */
    static void prepareTarget(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("CREATE TABLE IF NOT EXISTS " + TARGET_TABLE
                + " (id BIGINT PRIMARY KEY, description TEXT NOT NULL, price_cents BIGINT NOT NULL, "
                + "source_lsn BIGINT NOT NULL) WITH (fillfactor = 85)")) {
            ps.execute();
        }
    }

    void start() {
        threads.execute(engine);
        threads.execute(this::consume);
    }

    private void publish(List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ChangeEvent<String, String> r : records) {
            if (r.destination().equals(topic)) {
                sent.add(producer.send(new ProducerRecord<>(topic, r.key(), r.value())));
            }
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        for (ChangeEvent<String, String> r : records) {
            committer.markProcessed(r);
        }
        committer.markBatchFinished();
    }

    private void consume() {
        consumer.subscribe(List.of(topic));
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    upsert(c, records);
                    c.commit();
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (SQLException e) {
            throw new IllegalStateException("plain pipeline: " + e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    private void upsert(Connection c, ConsumerRecords<String, String> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (ConsumerRecord<String, String> r : records) {
                if (r.value() == null) {
                    continue;
                }
                JsonNode change = json.readTree(r.value());
                JsonNode row = change.path("after");
                if (!row.isObject()) {
                    continue; // the bench only updates
                }
                ps.setLong(1, row.path("prod_id").longValue());
                ps.setString(2, row.path("prod_desc").asString());
                ps.setLong(3, row.path("price_cents").longValue());
                ps.setLong(4, change.path("source").path("lsn").longValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Properties settings(PostgresDatabase source, Path dataDir) {
        Properties url = org.postgresql.Driver.parseURL(source.jdbcUrl(), new Properties());
        Properties p = new Properties();
        p.setProperty("name", "plain-pipeline");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", dataDir.resolve("offsets-plain.dat").toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", url.getProperty("PGHOST"));
        p.setProperty("database.port", url.getProperty("PGPORT"));
        p.setProperty("database.dbname", url.getProperty("PGDBNAME"));
        p.setProperty("database.user", source.username());
        p.setProperty("database.password", source.password());
        p.setProperty("topic.prefix", "plain");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", "plain_pipeline");
        p.setProperty("publication.name", "plain_pipeline_pub");
        p.setProperty("publication.autocreate.mode", "filtered");
        p.setProperty("table.include.list", "public.products");
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("poll.interval.ms", "10");
        p.setProperty("max.batch.size", "2048");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("converter.schemas.enable", "false");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        return p;
    }

    @Override
    public void close() throws Exception {
        running = false;
        consumer.wakeup();
        engine.close();
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        producer.close();
    }
}
