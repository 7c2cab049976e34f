package io.strangler.legacy.catalog;

import io.strangler.contracts.paging.PageQuery;
import io.strangler.contracts.paging.PagedResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/categories")
    List<Category> categories() {
        return catalog.categories();
    }

    @GetMapping("/api/products")
    PagedResponse<Product> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) String q) {
        return catalog.list(categoryId, q, PageQuery.of(page, size));
    }

    @GetMapping("/api/products/{id}")
    Product get(@PathVariable long id) {
        return catalog.get(id);
    }

    @PostMapping(path = "/api/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Product> create(@Valid @RequestBody ProductInput input) {
        Product created = catalog.create(input);
        return ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created);
    }

    @PutMapping(path = "/api/products/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Product replace(@PathVariable long id, @Valid @RequestBody ProductInput input) {
        return catalog.replace(id, input);
    }
}
