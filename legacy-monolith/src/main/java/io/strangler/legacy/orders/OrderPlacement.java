package io.strangler.legacy.orders;

import io.strangler.contracts.problem.InvalidField;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import io.strangler.legacy.inventory.StockLevels;
import io.strangler.legacy.web.IdempotencyKeys;
import io.strangler.legacy.web.IdempotentResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places an order in ONE database transaction: checks and takes stock on {@code PRODUCTS}, prices the lines at the
 * current product price, writes {@code ORDERS}/{@code ORDER_LINES}, and charges the customer by inserting the
 * captured {@code PAYMENTS} row. Any refusal throws a {@link ShopProblem}, which rolls everything back.
 */
@Service
class OrderPlacement {

    static final String IDEMPOTENCY_SCOPE = "orders";

    private final OrderRepository orders;
    private final StockLevels stock;
    private final IdempotencyKeys idempotencyKeys;

    OrderPlacement(OrderRepository orders, StockLevels stock, IdempotencyKeys idempotencyKeys) {
        this.orders = orders;
        this.stock = stock;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Transactional
    IdempotentResponse place(PlaceOrderRequest request, String idempotencyKey) {
        requireDistinctProducts(request.lines());
        String requestHash = idempotencyKey == null ? null : idempotencyKeys.hash(request);
        if (idempotencyKey != null) {
            Optional<IdempotentResponse> earlier = idempotencyKeys.lookup(IDEMPOTENCY_SCOPE, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Order order = placeOrder(request);
        IdempotentResponse response = new IdempotentResponse(order.id(), 201, idempotencyKeys.toJson(order), false);
        if (idempotencyKey != null) {
            idempotencyKeys.remember(IDEMPOTENCY_SCOPE, idempotencyKey, requestHash, response);
        }
        return response;
    }

    @Transactional(readOnly = true)
    Order get(long id) {
        return orders.findById(id).orElseThrow(() -> ShopProblem.notFound("Order", id));
    }

    private Order placeOrder(PlaceOrderRequest request) {
        long customerId = request.customerId();
        long creditLimit = orders.lockCustomerCreditLimit(customerId)
                .orElseThrow(() -> ShopProblem.unknownReference("customerId", "customer", customerId));
        Map<Long, OrderRepository.ProductRow> products =
                orders.products(request.lines().stream().map(PlaceOrderRequest.Line::productId).toList());
        for (int i = 0; i < request.lines().size(); i++) {
            long productId = request.lines().get(i).productId();
            OrderRepository.ProductRow product = products.get(productId);
            if (product == null || !product.active()) {
                String what = product == null ? "product" : "active product";
                throw ShopProblem.unknownReference("lines[" + i + "].productId", what, productId);
            }
        }
        takeStock(request.lines());
        long total = request.lines().stream()
                .mapToLong(l -> products.get(l.productId()).priceCents() * l.quantity()).sum();
        long captured = orders.capturedTotal(customerId);
        if (captured + total > creditLimit) {
            throw new ShopProblem(ProblemType.PAYMENT_DECLINED, "Order total " + total + " cents exceeds the credit "
                    + "left for customer " + customerId + " (" + Math.max(0, creditLimit - captured) + " cents)");
        }
        long orderId = orders.nextOrderId();
        long paymentId = orders.insertCapturedPayment(customerId, "order-" + orderId, total);
        orders.insertOrder(orderId, customerId, total, paymentId);
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrderRequest.Line line = request.lines().get(i);
            orders.insertLine(orderId, i + 1, line.productId(), line.quantity(),
                    products.get(line.productId()).priceCents());
        }
        return get(orderId);
    }

    /** Takes stock in product-id order, so two orders sharing products lock their rows in the same order. */
    private void takeStock(List<PlaceOrderRequest.Line> lines) {
        List<PlaceOrderRequest.Line> byProduct = new ArrayList<>(lines);
        byProduct.sort(Comparator.comparing(PlaceOrderRequest.Line::productId));
        for (PlaceOrderRequest.Line line : byProduct) {
            if (!stock.take(line.productId(), line.quantity())) {
                throw new ShopProblem(ProblemType.INSUFFICIENT_STOCK, "Product " + line.productId() + ": "
                        + line.quantity() + " requested, " + stock.onHand(line.productId()) + " on hand");
            }
        }
    }

    private static void requireDistinctProducts(List<PlaceOrderRequest.Line> lines) {
        Set<Long> seen = new HashSet<>();
        List<InvalidField> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).productId())) {
                errors.add(new InvalidField("lines[" + i + "].productId", "appears more than once in this order"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ShopProblem(ProblemType.VALIDATION_FAILED, "A product may appear at most once per order", errors);
        }
    }
}
