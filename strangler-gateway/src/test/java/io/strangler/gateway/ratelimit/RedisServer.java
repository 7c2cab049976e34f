package io.strangler.gateway.ratelimit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real {@code redis-server} (Debian's package; {@code -Dstrangler.redis-server=<path>} to use another) on a random
 * loopback port, without persistence, started by the test and stopped after it.
 */
final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServer start() {
        Path binary = Path.of(System.getProperty("strangler.redis-server", "/usr/bin/redis-server"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " not found: install Debian's redis-server (apt-get install -y"
                    + " redis-server) or point -Dstrangler.redis-server at a redis-server binary");
        }
        int port = freePort();
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("redis-" + port + ".log");
            Process process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RedisServer server = new RedisServer(process, port);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(server::answersPing);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    private boolean answersPing() {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see target/redis-"
                    + port + ".log");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }
}
