package io.strangler.legacy.storefront;

import io.strangler.contracts.problem.Problem;
import io.strangler.contracts.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Unknown paths: a problem for API clients, the storefront's 404 page for everyone else (browsers of the legacy UI).
 * Ahead of the shop's problem handler from shop-contracts, which answers every unknown path with a problem.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorefrontNotFound {

    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/")) {
            return Problem.of(ProblemType.NOT_FOUND, "No resource at " + path, path, List.of()).toResponseEntity();
        }
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
