package io.strangler.legacy.customers;

import io.strangler.contracts.paging.PageQuery;
import io.strangler.contracts.paging.PagedResponse;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import io.strangler.legacy.orders.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers: reading, registering, and the pages of a customer's orders. */
@Service
class CustomerAccounts {

    private final CustomerRepository customers;

    CustomerAccounts(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> ShopProblem.notFound("Customer", id));
    }

    @Transactional
    Customer register(CustomerInput input) {
        try {
            return get(customers.insert(input));
        } catch (DuplicateKeyException e) {
            throw new ShopProblem(ProblemType.DUPLICATE, "email '" + input.email() + "' is already registered");
        }
    }

    @Transactional(readOnly = true)
    PagedResponse<Order> ordersOf(long customerId, PageQuery page) {
        get(customerId);
        return page.toResponse(customers.ordersOf(customerId, page), customers.countOrdersOf(customerId));
    }
}
