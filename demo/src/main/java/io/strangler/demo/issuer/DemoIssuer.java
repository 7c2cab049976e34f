package io.strangler.demo.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's token issuer, for one run of the landscape: a fresh RSA key pair, its public half served as a JWKS by a
 * JDK HTTP server on a free loopback port (the gateway fetches it like any issuer's), and its private half written,
 * readable by the owner only, to {@code <run-dir>/issuer/issuer.json} for {@code ./strangler token}. Closing it stops
 * the server and deletes that file, so no token can be made for a landscape that is not running.
 */
public final class DemoIssuer implements AutoCloseable {

    /** The audience of the demo's tokens, which the gateway requires. */
    public static final String AUDIENCE = "strangler-demo";
    static final String FILE = "issuer.json";
    private static final String JWKS_PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final Path file;
    private final String issuer;

    private DemoIssuer(HttpServer server, Path file, String issuer) {
        this.server = server;
        this.file = file;
        this.issuer = issuer;
    }

    /** Generates the key pair, serves its JWKS and writes the signing key under {@code dir}. */
    public static DemoIssuer start(Path dir) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            String issuer = "http://localhost:" + server.getAddress().getPort();
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, JSONObjectUtils.toJSONString(Map.of("issuer", issuer, "audience", AUDIENCE,
                    "key", key.toJSONObject())));
            return new DemoIssuer(server, file, issuer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the demo issuer's key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the demo issuer under " + dir, e);
        }
    }

    /** The {@code iss} of its tokens. */
    public String issuer() {
        return issuer;
    }

    /** Where its public keys are. */
    public String jwksUri() {
        return issuer + JWKS_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }
}
