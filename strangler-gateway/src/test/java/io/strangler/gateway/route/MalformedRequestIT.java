package io.strangler.gateway.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.gateway.Backends;
import io.strangler.gateway.GatewayITBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MalformedRequestIT extends GatewayITBase {

    @BeforeEach
    void stubBackends() {
        Backends.LEGACY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("legacy")));
    }

    @Test
    void shouldAnswer400ToAGarbledRequestLineAndKeepServing() throws IOException {
        assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertStillServing();
    }

    @Test
    void shouldAnswer400ToAHeaderWithoutColonAndKeepServing() throws IOException {
        assertThat(raw("GET /api/products/1 HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertStillServing();
    }

    @Test
    void shouldAnswer431ToOversizeHeadersAndKeepServing() throws IOException {
        String big = "x".repeat(16 * 1024);
        String status = raw("GET /api/products/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n");
        assertThat(status).matches("HTTP/1.1 (431|400).*");
        assertStillServing();
    }

    @Test
    void shouldAnswer400ToABadPercentEncodingAndKeepServing() throws IOException {
        assertThat(raw("GET /api/products/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertStillServing();
    }

    private void assertStillServing() {
        client.get().uri("/api/products/1").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("legacy");
    }

    /** Sends raw bytes and returns the response's status line. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }
}
