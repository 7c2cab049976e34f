package io.strangler.gateway.shadow;

import org.springframework.http.HttpHeaders;

/**
 * A backend's response as the shadow comparison sees it.
 *
 * @param status    HTTP status
 * @param headers   response headers (read-only copy)
 * @param body      the body bytes, possibly cut at the size limit
 * @param truncated the body was larger than the limit: it is not compared
 */
public record CapturedResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {
}
