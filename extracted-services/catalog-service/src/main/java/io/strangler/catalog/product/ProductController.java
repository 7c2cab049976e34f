package io.strangler.catalog.product;

import io.strangler.catalog.web.PagedItems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
    PagedItems<ProductJson> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                 @RequestParam(required = false) Long categoryId,
                                 @RequestParam(required = false) @Size(min = 1, max = 100) String q) {
        return catalog.list(new ProductFilter(categoryId, q), page, size);
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
