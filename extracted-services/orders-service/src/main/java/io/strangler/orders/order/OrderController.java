package io.strangler.orders.order;

import io.strangler.orders.problem.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The shop contract's {@code /api/orders} (docs/shop-api.md). */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderPlacement placement;
    private final Orders orders;
    private final JsonMapper json;

    OrderController(OrderPlacement placement, Orders orders, JsonMapper json) {
        this.placement = placement;
        this.orders = orders;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderJson> place(@Valid @RequestBody PlaceOrderRequest request,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        checkProductsUnique(request);
        OrderPlacement.Placed placed = placement.place(request, idempotencyKey, hash(request));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/orders/" + placed.order().id()));
        if (placed.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(OrderJson.of(placed.order()));
    }

    @GetMapping("/{id}")
    OrderJson get(@PathVariable long id) {
        return orders.find(id).map(OrderJson::of)
                .orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
    }

    private static void checkIdempotencyKey(String key) {
        // 1-200 visible ASCII characters
        if (key != null && (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw ApiProblem.validation(IDEMPOTENCY_KEY, "must be 1-200 visible ASCII characters");
        }
    }

    private static void checkProductsUnique(PlaceOrderRequest request) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Long product = request.lines().get(i).productId();
            if (!seen.add(product)) {
                throw ApiProblem.validation("lines[" + i + "].productId",
                        "product " + product + " appears more than once in the order");
            }
        }
    }

    /** Hash of the request as parsed, so that formatting differences do not count as another body. */
    private String hash(PlaceOrderRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
