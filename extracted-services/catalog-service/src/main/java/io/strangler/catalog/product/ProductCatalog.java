package io.strangler.catalog.product;

import io.strangler.catalog.category.CategoryRepository;
import io.strangler.catalog.stock.StockLevels;
import io.strangler.contracts.json.Timestamps;
import io.strangler.contracts.paging.PageQuery;
import io.strangler.contracts.paging.PagedResponse;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes products; every refusal is a {@link ShopProblem} thrown before or inside the transaction. */
@Service
class ProductCatalog {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final StockLevels stock;
    private final Clock clock;

    ProductCatalog(ProductRepository products, CategoryRepository categories, StockLevels stock, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PagedResponse<ProductJson> list(ProductFilter filter, PageQuery page) {
        long total = products.count(filter);
        return PagedResponse.of(products.findPage(filter, page).stream().map(ProductJson::of).toList(),
                page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    ProductJson get(long id) {
        return products.findById(id).map(ProductJson::of).orElseThrow(() -> ShopProblem.notFound("Product", id));
    }

    @Transactional
    ProductJson create(ProductInput input) {
        requireCategory(input.categoryId());
        Instant now = now();
        long id = insertOrRefuseDuplicate(input, now);
        stock.setOnHand(id, input.stock(), now);
        return get(id);
    }

    @Transactional
    ProductJson replace(long id, ProductInput input) {
        if (!products.lockForUpdate(id)) {
            throw ShopProblem.notFound("Product", id);
        }
        requireCategory(input.categoryId());
        Instant now = now();
        try {
            products.update(id, input, now);
        } catch (DuplicateKeyException e) {
            throw duplicateSku(input);
        }
        stock.setOnHand(id, input.stock(), now);
        return get(id);
    }

    private long insertOrRefuseDuplicate(ProductInput input, Instant now) {
        try {
            return products.insert(input, now);
        } catch (DuplicateKeyException e) {
            throw duplicateSku(input);
        }
    }

    private void requireCategory(long categoryId) {
        if (!categories.exists(categoryId)) {
            throw new ShopProblem(ProblemType.UNKNOWN_REFERENCE, "categoryId: category " + categoryId + " does not exist");
        }
    }

    private static ShopProblem duplicateSku(ProductInput input) {
        return new ShopProblem(ProblemType.DUPLICATE, "sku '" + input.sku() + "' is already used by another product");
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
