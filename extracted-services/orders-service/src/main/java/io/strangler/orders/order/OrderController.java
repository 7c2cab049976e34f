package io.strangler.orders.order;

import io.strangler.contracts.idempotency.IdempotencyKey;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
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
                                    @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        IdempotencyKey.validate(idempotencyKey);
        checkProductsUnique(request);
        OrderPlacement.Placed placed = placement.place(request, idempotencyKey, hash(request));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/orders/" + placed.order().id()));
        if (placed.replayed()) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response.body(OrderJson.of(placed.order()));
    }

    @GetMapping("/{id}")
    OrderJson get(@PathVariable long id) {
        return orders.find(id).map(OrderJson::of)
                .orElseThrow(() -> new ShopProblem(ProblemType.NOT_FOUND, "Order " + id + " does not exist."));
    }

    private static void checkProductsUnique(PlaceOrderRequest request) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Long product = request.lines().get(i).productId();
            if (!seen.add(product)) {
                throw ShopProblem.invalid("lines[" + i + "].productId",
                        "product " + product + " appears more than once in the order");
            }
        }
    }

    /** Hash of the request as parsed, so that formatting differences do not count as another body. */
    private String hash(PlaceOrderRequest request) {
        return IdempotencyKey.requestHash(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
    }
}
