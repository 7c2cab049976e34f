package io.strangler.legacy.orders;

import io.strangler.contracts.idempotency.IdempotencyKey;
import io.strangler.legacy.web.IdempotencyKeys;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    private final OrderPlacement placement;

    OrderController(OrderPlacement placement) {
        this.placement = placement;
    }

    @PostMapping(path = "/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> place(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        IdempotencyKey.validate(idempotencyKey);
        return placement.place(request, idempotencyKey).toResponseEntity("/api/orders");
    }

    @GetMapping("/api/orders/{id}")
    Order get(@PathVariable long id) {
        return placement.get(id);
    }
}
