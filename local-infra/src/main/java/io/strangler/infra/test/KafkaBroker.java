package io.strangler.infra.test;

import java.util.Objects;

/**
 * The Kafka cluster a {@link WithKafka} test talks to.
 *
 * @param bootstrapServers {@code host:port[,host:port]}, never null
 */
public record KafkaBroker(String bootstrapServers) {

    public KafkaBroker {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }
}
