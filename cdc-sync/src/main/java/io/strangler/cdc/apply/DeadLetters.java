package io.strangler.cdc.apply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends changes that could not be mapped or applied to the dead-letter topic: the original key and value, and
 * headers {@code cdc.reason}, {@code cdc.source.topic}, {@code cdc.source.partition}, {@code cdc.source.offset}.
 */
public final class DeadLetters {

    private final Producer<String, String> producer;
    private final String topic;

    public DeadLetters(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Sends all and waits for Kafka's acknowledgement, so the source offsets can be committed after. */
    void sendAll(List<DeadLetter> letters) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> r = letter.record();
            ProducerRecord<String, String> out = new ProducerRecord<>(topic, r.key(), r.value());
            out.headers().add("cdc.reason", bytes(letter.reason()));
            out.headers().add("cdc.source.topic", bytes(r.topic()));
            out.headers().add("cdc.source.partition", bytes(Integer.toString(r.partition())));
            out.headers().add("cdc.source.offset", bytes(Long.toString(r.offset())));
            sent.add(producer.send(out));
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused a dead letter: " + e.getCause(), e);
            }
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    /** One change that failed, and why. */
    record DeadLetter(ConsumerRecord<String, String> record, String reason) {
    }
}
