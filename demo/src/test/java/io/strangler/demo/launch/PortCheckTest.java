package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void shouldNameTheBusyPortWhatNeedsItAndTheOptionThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(PortCheck.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortCheck.requireFree(List.of(
                    new PortCheck.Claim(port, "legacy shop", "--legacy-port"))))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("Port " + port + " (legacy shop) is already in use")
                    .hasMessageContaining("--legacy-port <port>");
        }
    }

    @Test
    void shouldPassWhenEveryPortIsFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(0));
            port = probe.getLocalPort();
        }

        assertThatCode(() -> PortCheck.requireFree(List.of(new PortCheck.Claim(port, "Kafka", "--kafka-port"))))
                .doesNotThrowAnyException();
    }
}
