package io.strangler.legacy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refused request into an RFC 9457 {@code application/problem+json} body with the contract's
 * {@code type} slugs (docs/shop-api.md). Shared by all JSON controllers.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ShopProblem.class)
    ResponseEntity<ProblemDetail> shopProblem(ShopProblem e, HttpServletRequest request) {
        return problem(e.type(), e.getMessage(), e.errors(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(ProblemType.MALFORMED_REQUEST, UnreadableBody.describe(e), List.of(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new InvalidField(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new InvalidField(g.getObjectName(), g.getDefaultMessage())));
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request body breaks a rule");
        return problem(ProblemType.VALIDATION_FAILED, detail, errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        String detail = "Parameter '" + e.getName() + "' must be of type " + expected + ", got '" + e.getValue() + "'";
        return problem(ProblemType.MALFORMED_REQUEST, detail, List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e,
            HttpServletRequest request) {
        String detail = "Content-Type '" + e.getContentType() + "' is not supported; send application/json";
        return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e,
            HttpServletRequest request) {
        String detail = "Method " + e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods();
        ResponseEntity<ProblemDetail> response = problem(ProblemType.METHOD_NOT_ALLOWED, detail, List.of(), request);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    /** Unknown paths: a problem for API clients, the storefront's 404 page for everyone else. */
    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return problem(ProblemType.NOT_FOUND, "No resource at " + request.getRequestURI(), List.of(), request);
        }
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail, List<InvalidField> errors,
            HttpServletRequest request) {
        log.debug("{} {} -> {}: {}", request.getMethod(), request.getRequestURI(), type, detail);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        body.setInstance(URI.create(request.getRequestURI()));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(type.status()).body(body);
    }
}
