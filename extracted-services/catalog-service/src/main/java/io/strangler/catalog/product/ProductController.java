package io.strangler.catalog.product;

import io.strangler.contracts.paging.PageQuery;
import io.strangler.contracts.paging.PagedResponse;
import io.strangler.contracts.problem.ShopProblem;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    PagedResponse<ProductJson> list(@RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) Long categoryId,
                                 @RequestParam(required = false) String q) {
        if (q != null && (q.isEmpty() || q.length() > 100)) {
            throw ShopProblem.invalid("q", "must be 1-100 characters");
        }
        return catalog.list(new ProductFilter(categoryId, q), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    ProductJson get(@PathVariable long id) {
        return catalog.get(id);
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<ProductJson> create(@Valid @RequestBody ProductInput input) {
        ProductJson created = catalog.create(input);
        return ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    ProductJson replace(@PathVariable long id, @Valid @RequestBody ProductInput input) {
        return catalog.replace(id, input);
    }
}
