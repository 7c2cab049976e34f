package io.strangler.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.strangler.demo.StranglerCli;
import io.strangler.demo.issuer.DemoIssuer;
import io.strangler.demo.landscape.Landscape;
import io.strangler.infra.InfraSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./strangler traffic} against a real HTTP server standing in for the gateway. */
class TrafficCommandIT {

    @TempDir
    Path runDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** Authorization header ("" when absent) of each request, by path prefix. */
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();
    private HttpServer gateway;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String prefix = path.startsWith("/api/orders") ? "orders" : "products";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.computeIfAbsent(prefix, p -> new CopyOnWriteArrayList<>())
                    .add(authorization == null ? "" : authorization);
            // orders without a token are refused, as the demo gateway does
            int status = prefix.equals("orders") && authorization == null ? 401 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private int traffic(String... args) {
        return trafficAt("100", args);
    }

    private int trafficAt(String rate, String... args) {
        CommandLine cli = StranglerCli.commandLine(Landscape.SERVICES, InfraSettings.of(Map.of(), Map.of()),
                settings -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 9];
        all[0] = "traffic";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--gateway-url", "http://127.0.0.1:" + gateway.getAddress().getPort(),
                "--run-dir", runDir.toString(), "--rate", rate, "--duration", "1s"}, 0, all, args.length + 1, 8);
        return cli.execute(all);
    }

    @Test
    void shouldSendOrderRequestsWithATokenTheDemoIssuerSigned() throws Exception {
        try (DemoIssuer issuer = DemoIssuer.start(runDir.resolve("issuer"))) {
            assertThat(traffic("--orders-share", "50")).as(err.toString()).isZero();

            assertThat(authorizations.get("orders")).isNotEmpty().allSatisfy(header -> assertThat(header).startsWith("Bearer "));
            assertThat(authorizations.get("products")).isNotEmpty().allSatisfy(header -> assertThat(header).isEmpty());
            SignedJWT jwt = SignedJWT.parse(authorizations.get("orders").get(0).substring("Bearer ".length()));
            RSAKey published = JWKSet.load(URI.create(issuer.jwksUri()).toURL()).getKeys().get(0).toRSAKey();
            assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo-traffic");
            assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("shop");
            assertThat(out.toString()).contains("with a demo token").contains("refused 0 ");
        }
    }

    @Test
    void shouldSayThatOrdersGoWithoutATokenWhenNoDemoRuns() {
        assertThat(traffic("--orders-share", "100")).as(err.toString()).isZero();

        assertThat(authorizations.get("orders")).isNotEmpty().allSatisfy(header -> assertThat(header).isEmpty());
        assertThat(out.toString()).contains("without a token: no demo issuer in " + runDir)
                .doesNotContain("refused 0 ");
    }

    @Test
    void shouldRefuseARateOutOfRangeAndSendNothing() {
        assertThat(trafficAt("0")).isNotZero();

        assertThat(err.toString()).contains("--rate must be between 1 and 1000, got 0");
        assertThat(authorizations).isEmpty();
    }
}
