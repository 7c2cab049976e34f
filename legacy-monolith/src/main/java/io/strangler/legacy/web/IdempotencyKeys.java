package io.strangler.legacy.web;

import io.strangler.contracts.idempotency.IdempotencyKey;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code IDEMPOTENCY_KEYS} table: a key per scope ({@code orders}, {@code payments}) with the SHA-256 of the
 * canonical request body and the first successful response. Only successful answers are stored, because a refused
 * request changes nothing; a retry after a refusal is a new attempt.
 *
 * <p>Both methods join the caller's transaction: {@link #lookup} takes a transaction-scoped advisory lock on the key,
 * so a concurrent request with the same key waits until the first one committed (and then replays it) or rolled
 * back (and then runs itself).
 */
@Component
public class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JsonMapper canonicalJson;

    IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.canonicalJson = json.rebuild()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** SHA-256 (hex) of the request as canonical JSON: properties sorted, no whitespace. */
    public String hash(Object request) {
        return IdempotencyKey.requestHash(canonicalJson.writeValueAsBytes(request));
    }

    /**
     * The stored answer for this key, if any. The same key with another request hash is an
     * {@code idempotency-key-reused} problem.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<IdempotentResponse> lookup(String scope, String key, String requestHash) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))")
                .params(scope, key).query().singleRow();
        return jdbc.sql("SELECT REQUEST_HASH, RESPONSE_STATUS, RESPONSE_BODY FROM IDEMPOTENCY_KEYS "
                        + "WHERE SCOPE = ? AND IDEMP_KEY = ?")
                .params(scope, key)
                .query((rs, n) -> {
                    if (!rs.getString("REQUEST_HASH").equals(requestHash)) {
                        throw new ShopProblem(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                                + "' was already used with a different request body");
                    }
                    String body = rs.getString("RESPONSE_BODY");
                    return new IdempotentResponse(idOf(body), rs.getInt("RESPONSE_STATUS"), body, true);
                })
                .optional();
    }

    /** Stores the first answer; call it in the transaction that produced it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(String scope, String key, String requestHash, IdempotentResponse response) {
        jdbc.sql("INSERT INTO IDEMPOTENCY_KEYS (IDEMP_KEY, SCOPE, REQUEST_HASH, RESPONSE_STATUS, RESPONSE_BODY, "
                        + "CREATED_DT) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(key, scope, requestHash, response.status(), response.body())
                .update();
    }

    /** The response body as the API sends it (same JSON settings as the controllers). */
    public String toJson(Object body) {
        return json.writeValueAsString(body);
    }

    private long idOf(String body) {
        return json.readTree(body).get("id").asLong();
    }
}
