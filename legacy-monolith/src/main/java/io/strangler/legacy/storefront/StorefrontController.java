package io.strangler.legacy.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The legacy UI: server-rendered product list and product pages (Thymeleaf). */
@Controller
class StorefrontController {

    static final int PAGE_SIZE = 24;

    private final StorefrontQueries queries;

    StorefrontController(StorefrontQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String products(@RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0) {
            throw new BadPage("page must be 0 or more");
        }
        long total = queries.countActiveProducts();
        long totalPages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("products", queries.activeProducts(page, PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("totalProducts", total);
        return "products";
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable long id, Model model) {
        model.addAttribute("product", queries.product(id).orElseThrow(() -> new NoSuchProduct(id)));
        return "product";
    }

    @ExceptionHandler(NoSuchProduct.class)
    ModelAndView noSuchProduct(NoSuchProduct e) {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("message", e.getMessage());
        return page;
    }

    @ExceptionHandler({BadPage.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e) {
        ModelAndView page = new ModelAndView("error/400", HttpStatus.BAD_REQUEST);
        page.addObject("message", e instanceof BadPage ? e.getMessage() : "That address has a bad parameter.");
        return page;
    }

    private static final class NoSuchProduct extends RuntimeException {
        NoSuchProduct(long id) {
            super("There is no product " + id + ".");
        }
    }

    private static final class BadPage extends RuntimeException {
        BadPage(String message) {
            super(message);
        }
    }
}
