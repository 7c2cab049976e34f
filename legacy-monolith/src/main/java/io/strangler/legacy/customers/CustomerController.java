package io.strangler.legacy.customers;

import io.strangler.contracts.paging.PageQuery;
import io.strangler.contracts.paging.PagedResponse;
import io.strangler.legacy.orders.Order;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerController {

    private final CustomerAccounts accounts;

    CustomerController(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/customers/{id}")
    Customer get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping(path = "/api/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Customer> register(@Valid @RequestBody CustomerInput input) {
        Customer created = accounts.register(input);
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @GetMapping("/api/customers/{id}/orders")
    PagedResponse<Order> orders(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return accounts.ordersOf(id, PageQuery.of(page, size));
    }
}
