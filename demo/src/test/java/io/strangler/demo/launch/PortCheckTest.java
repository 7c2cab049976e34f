package io.strangler.demo.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.demo.landscape.Landscape;
import io.strangler.demo.landscape.SeedSizes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    void shouldNameABusyManagementPortAndTheOptionThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<String, Integer> servicePorts = new HashMap<>();
            Landscape.SERVICES.forEach(s -> servicePorts.put(s.name(), s.defaultPort()));
            DemoSettings settings = new DemoSettings(Path.of(""), Path.of("target/x"), Landscape.SERVICES, servicePorts,
                    Map.of("strangler-gateway", port), 54320, new SeedSizes(false, 1, 1, 1),
                    Duration.ofSeconds(5), Optional.empty(), Optional.empty());

            List<PortCheck.Claim> claims = LandscapeLauncher.portClaims(settings);

            assertThat(claims).contains(new PortCheck.Claim(port, "gateway management", "--gateway-admin-port"));
            assertThatThrownBy(() -> PortCheck.requireFree(claims.stream().filter(c -> c.port() == port).toList()))
                    .hasMessageContaining("Port " + port + " (gateway management) is already in use")
                    .hasMessageContaining("--gateway-admin-port <port>");
        }
    }

    @Test
    void shouldPassWhenEveryPortIsFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(0));
            port = probe.getLocalPort();
        }

        assertThatCode(() -> PortCheck.requireFree(List.of(new PortCheck.Claim(port, "PostgreSQL", "--postgres-port"))))
                .doesNotThrowAnyException();
    }
}
