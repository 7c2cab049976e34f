package io.strangler.legacy.payments;

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
class PaymentController {

    private final PaymentDesk desk;

    PaymentController(PaymentDesk desk) {
        this.desk = desk;
    }

    @PostMapping(path = "/api/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> charge(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ChargeRequest charge) {
        IdempotencyKey.validate(idempotencyKey);
        return desk.charge(charge, idempotencyKey).toResponseEntity("/api/payments");
    }

    @GetMapping("/api/payments/{id}")
    Payment get(@PathVariable long id) {
        return desk.get(id);
    }

    @PostMapping("/api/payments/{id}/refund")
    Payment refund(@PathVariable long id) {
        return desk.refund(id);
    }
}
