package io.strangler.orders.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every error to the shop's problem+json shape ({@code /problems/<slug>}). */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Problem> apiProblem(ApiProblem e, HttpServletRequest request) {
        return problem(e.status(), e.slug(), e.title(), e.getMessage(), request, e.errors(), null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Problem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problem.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return problem(400, "validation-failed", "Validation failed", "The request has invalid fields.", request,
                errors, null);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Problem> malformed(Exception e, HttpServletRequest request) {
        return problem(400, "malformed-request", "Malformed request", malformedDetail(e), request, null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(415, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + e.getContentType() + " is not supported; send application/json.", request, null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(406, "not-acceptable", "Not acceptable", "Responses are application/json.", request, null, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return problem(405, "method-not-allowed", "Method not allowed",
                "Method " + e.getMethod() + " is not allowed on " + request.getRequestURI() + ".", request, null, headers);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(404, "not-found", "Not found", "No resource at " + request.getRequestURI() + ".", request, null,
                null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(500, "internal-error", "Internal error", "The request could not be completed.", request, null,
                null);
    }

    private static String malformedDetail(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return "Parameter '" + m.getName() + "' has an invalid value '" + m.getValue() + "'.";
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        return "The body is not valid JSON for this request: " + message;
    }

    static ResponseEntity<Problem> problem(int status, String slug, String title, String detail,
                                           HttpServletRequest request, List<Problem.FieldError> errors,
                                           HttpHeaders headers) {
        Problem body = new Problem("/problems/" + slug, title, status, detail, request.getRequestURI(), errors);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
