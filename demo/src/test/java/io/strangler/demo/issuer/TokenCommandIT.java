package io.strangler.demo.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.strangler.demo.StranglerCli;
import io.strangler.demo.landscape.DemoSecrets;
import io.strangler.demo.landscape.Landscape;
import io.strangler.demo.landscape.LaunchContext;
import io.strangler.demo.landscape.SeedSizes;
import io.strangler.infra.InfraSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo issuer serving its JWKS over HTTP, and {@code ./strangler token} signing with its key. */
class TokenCommandIT {

    @TempDir
    Path runDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int token(String... args) {
        CommandLine cli = StranglerCli.commandLine(Landscape.SERVICES, InfraSettings.of(Map.of(), Map.of()),
                settings -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "token";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--run-dir";
        all[args.length + 2] = runDir.toString();
        return cli.execute(all);
    }

    @Test
    void shouldPrintATokenThatTheServedKeysVerify() throws Exception {
        try (DemoIssuer issuer = DemoIssuer.start(runDir.resolve("issuer"))) {
            assertThat(Files.getPosixFilePermissions(runDir.resolve("issuer/issuer.json")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(token("--sub", "alice", "--scope", "shop", "--scope", "read")).as(err.toString()).isZero();

            SignedJWT jwt = SignedJWT.parse(out.toString().trim());
            RSAKey published = JWKSet.load(URI.create(issuer.jwksUri()).toURL()).getKeys().get(0).toRSAKey();
            assertThat(published.isPrivate()).isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
            assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("shop read");
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(DemoIssuer.AUDIENCE);
            assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(jwt.getJWTClaimsSet().getIssueTime());
        }
        assertThat(runDir.resolve("issuer/issuer.json")).doesNotExist();
    }

    @Test
    void shouldPointTheGatewayAtTheIssuerAndProtectOrdersAndWrites() {
        try (DemoIssuer issuer = DemoIssuer.start(runDir.resolve("issuer"))) {
            LaunchContext context = new LaunchContext(Map.of("legacy-monolith", 1, "catalog-service", 2,
                    "orders-service", 3, "flag-service", 4), new SeedSizes(false, 1, 1, 1), new DemoSecrets(),
                    runDir.resolve("data"), Map.of(), issuer);
            assertThat(Landscape.GATEWAY.arguments().apply(context)).contains(
                    "--strangler.gateway.security.jwt.jwk-set-uri=" + issuer.jwksUri(),
                    "--strangler.gateway.security.jwt.issuer=" + issuer.issuer(),
                    "--strangler.gateway.security.jwt.audiences=strangler-demo",
                    "--strangler.gateway.routes[0].auth.policy=public",
                    "--strangler.gateway.routes[0].auth.write-scope=shop",
                    "--strangler.gateway.routes[1].auth.policy=authenticated",
                    "--strangler.gateway.routes[1].auth.write-scope=shop");
        }
    }

    @Test
    void shouldFailClearlyWhenTheDemoIsNotRunning() {
        assertThat(token("--sub", "alice")).isEqualTo(1);
        assertThat(err.toString()).contains("No running demo issuer", "./strangler demo");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRejectASubjectWithControlCharacters() {
        assertThat(token("--sub", "alice\nadmin")).isEqualTo(2);
        assertThat(err.toString()).contains("--sub must be 1-255 printable ASCII characters");
    }

    @Test
    void shouldRejectAScopeWithASpace() {
        assertThat(token("--sub", "alice", "--scope", "shop admin")).isEqualTo(2);
        assertThat(err.toString()).contains("is not one scope");
    }

    @Test
    void shouldRejectATooLongLifetime() {
        assertThat(token("--sub", "alice", "--ttl", "P2D")).isEqualTo(2);
        assertThat(err.toString()).contains("--ttl must be more than 0 and at most PT24H");
    }

    @Test
    void shouldRequireASubject() {
        assertThat(token("--scope", "shop")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--sub=SUBJECT'");
    }
}
