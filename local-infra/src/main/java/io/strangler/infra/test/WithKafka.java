package io.strangler.infra.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kafka broker (KRaft), one per test JVM ({@link io.strangler.infra.LocalKafka#shared()}).
 * Inject its address as a {@link KafkaBroker} parameter; in a Spring test, {@code spring.kafka.bootstrap-servers}
 * points at it. Use topic names of your own per test class to keep classes apart.
 *
 * <p>When {@code KAFKA_BOOTSTRAP_SERVERS} (or the system property {@code spring.kafka.bootstrap-servers}) is set,
 * nothing is started and that cluster is used.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaExtension.class)
public @interface WithKafka {
}
