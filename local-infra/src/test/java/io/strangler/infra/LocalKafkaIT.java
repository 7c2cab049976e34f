package io.strangler.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.infra.test.KafkaBroker;
import io.strangler.infra.test.WithKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

@WithKafka
class LocalKafkaIT {

    @Test
    void shouldDeliverARecordFromProducerToConsumer(KafkaBroker kafka) throws Exception {
        String topic = "infra-probe";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "42", "{\"id\":42}")).get();
        }
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return !seen.isEmpty();
            });
        }
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("42");
            assertThat(r.value()).isEqualTo("{\"id\":42}");
        });
    }

    @Test
    void shouldNotLeaveItsAddressBehindAsIfItWereAnExternalBroker() {
        try (LocalKafka other = LocalKafka.start()) {
            assertThat(other.bootstrapServers()).isNotEqualTo(LocalKafka.shared().bootstrapServers());
        }
        assertThat(InfraSettings.fromProcess().externalKafka()).isEmpty();
    }

    @Test
    void shouldKeepItsAddressAndRecordsAcrossABrokerRestart() throws Exception {
        try (LocalKafka other = LocalKafka.start()) {
            String address = other.bootstrapServers();
            send(address, "before-restart");
            other.stopBroker();
            other.startBrokerAgain();
            assertThat(other.bootstrapServers()).isEqualTo(address);
            send(address, "after-restart");
            assertThat(readAll(address, "restart-probe")).containsExactly("before-restart", "after-restart");
        }
    }

    private static void send(String bootstrapServers, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("restart-probe", "k", value)).get();
        }
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return seen.size() >= 2;
            });
        }
        return seen;
    }

    @Test
    void shouldBeOneBrokerPerTestJvm(KafkaBroker kafka) {
        assertThat(kafka.bootstrapServers()).isEqualTo(LocalKafka.shared().bootstrapServers());
    }
}
