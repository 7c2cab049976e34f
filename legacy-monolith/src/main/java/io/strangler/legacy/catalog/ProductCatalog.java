package io.strangler.legacy.catalog;

import io.strangler.contracts.paging.PageQuery;
import io.strangler.contracts.paging.PagedResponse;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products and categories: listing, reading, creating and replacing products. */
@Service
class ProductCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

    private final ProductRepository products;

    ProductCatalog(ProductRepository products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    PagedResponse<Product> list(Long categoryId, String nameContains, PageQuery page) {
        if (nameContains != null && (nameContains.isEmpty() || nameContains.length() > 100)) {
            throw ShopProblem.invalid("q", "must be 1-100 characters");
        }
        List<Product> items = products.findPage(categoryId, nameContains, page);
        return page.toResponse(items, products.count(categoryId, nameContains));
    }

    @Transactional(readOnly = true)
    Product get(long id) {
        return products.findById(id).orElseThrow(() -> ShopProblem.notFound("Product", id));
    }

    @Transactional(readOnly = true)
    List<Category> categories() {
        return products.categories();
    }

    @Transactional
    Product create(ProductInput input) {
        requireCategory(input.categoryId());
        long id;
        try {
            id = products.insert(input);
        } catch (DuplicateKeyException e) {
            throw duplicateSku(input);
        }
        log.info("Product {} created", id);
        return get(id);
    }

    @Transactional
    Product replace(long id, ProductInput input) {
        get(id);
        requireCategory(input.categoryId());
        try {
            products.update(id, input);
        } catch (DuplicateKeyException e) {
            throw duplicateSku(input);
        }
        log.info("Product {} replaced", id);
        return get(id);
    }

    private void requireCategory(long categoryId) {
        if (!products.categoryExists(categoryId)) {
            throw ShopProblem.unknownReference("categoryId", "category", categoryId);
        }
    }

    private static ShopProblem duplicateSku(ProductInput input) {
        return new ShopProblem(ProblemType.DUPLICATE, "sku '" + input.sku() + "' is already used by another product");
    }
}
