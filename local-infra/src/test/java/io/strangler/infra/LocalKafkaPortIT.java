package io.strangler.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalKafkaPortIT {

    @Test
    void shouldListenOnTheRequestedPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (LocalKafka kafka = LocalKafka.start(port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
        }
    }

    @Test
    void shouldNotLeaveItsAddressBehindAsIfItWereAnExternalBroker() {
        try (LocalKafka kafka = LocalKafka.start(0)) {
            assertThat(InfraSettings.fromProcess().externalKafka()).isEmpty();
        }
    }
}
