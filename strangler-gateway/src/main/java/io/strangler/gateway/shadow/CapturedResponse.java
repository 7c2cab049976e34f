package io.strangler.gateway.shadow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpHeaders;

/**
 * A backend's response as the shadow comparison sees it.
 *
 * @param status    HTTP status
 * @param headers   response headers (copy)
 * @param body      the body bytes as sent (possibly gzip-encoded), possibly cut at the size limit
 * @param truncated the body was larger than the limit: it is not compared
 */
public record CapturedResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {

    /** The body with a gzip content encoding undone; the raw body when it cannot be. */
    byte[] decodedBody() {
        String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip") || body.length == 0) {
            return body;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException notGzip) {
            return body;
        }
    }
}
