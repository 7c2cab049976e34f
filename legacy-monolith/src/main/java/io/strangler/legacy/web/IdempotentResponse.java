package io.strangler.legacy.web;

import io.strangler.contracts.idempotency.IdempotencyKey;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a create request that may carry an {@code Idempotency-Key}: the created resource's id, the status and
 * the JSON body exactly as first sent, and whether this is a replay of that first answer.
 */
public record IdempotentResponse(long id, int status, String body, boolean replayed) {

    /** The HTTP response: the stored body byte for byte, {@code Location: <collection>/<id>}, and the replay header. */
    public ResponseEntity<String> toResponseEntity(String collectionPath) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .location(URI.create(collectionPath + "/" + id))
                .contentType(MediaType.APPLICATION_JSON);
        if (replayed) {
            builder.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return builder.body(body);
    }
}
