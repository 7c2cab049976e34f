package io.strangler.contracts.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every refused request as {@code application/problem+json} with the contract's type slugs, worded as the
 * legacy shop words it (clients may show the text). Lowest precedence, so a service's own advice with a higher
 * precedence can take over one kind of exception (e.g. the legacy storefront's HTML 404 page).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ShopProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ShopProblemHandler.class);
    private static final Comparator<InvalidField> BY_FIELD =
            Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message);

    @ExceptionHandler(ShopProblem.class)
    ResponseEntity<Problem> shopProblem(ShopProblem e, HttpServletRequest request) {
        return respond(e.type(), e.getMessage(), e.errors(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(ProblemType.MALFORMED_REQUEST, UnreadableBody.describe(e), List.of(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        Stream<InvalidField> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()));
        Stream<InvalidField> objects = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> new InvalidField(error.getObjectName(), error.getDefaultMessage()));
        return validationFailed(Stream.concat(fields, objects).sorted(BY_FIELD).toList(), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<InvalidField> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new InvalidField(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .sorted(BY_FIELD).toList();
        return validationFailed(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> badParameterType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        String detail = "Parameter '" + e.getName() + "' must be of type " + expected + ", got '" + e.getValue() + "'";
        return respond(ProblemType.MALFORMED_REQUEST, detail, List.of(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        String detail = "Parameter '" + e.getParameterName() + "' is required";
        return respond(ProblemType.MALFORMED_REQUEST, detail, List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String detail = "Content-Type '" + e.getContentType() + "' is not supported; send application/json";
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(ProblemType.NOT_ACCEPTABLE, "Responses are application/json", List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String detail = "Method " + e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods();
        ResponseEntity<Problem> response = respond(ProblemType.METHOD_NOT_ALLOWED, detail, List.of(), request);
        if (e.getSupportedHttpMethods() == null) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setAllow(e.getSupportedHttpMethods());
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ProblemType.NOT_FOUND, "No resource at " + request.getRequestURI(), List.of(), request);
    }

    /**
     * Anything else is the service's fault: logged with its stack trace, answered without its message (it may name
     * tables, hosts or data). Exceptions that carry their own HTTP status (Spring's {@link ErrorResponse}s,
     * {@link ResponseStatus} types) are rethrown, so Spring answers them as it would without this handler.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof ErrorResponse || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
            throw e;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemType.INTERNAL_ERROR, "The request could not be completed", List.of(), request);
    }

    private static ResponseEntity<Problem> validationFailed(List<InvalidField> errors, HttpServletRequest request) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request body breaks a rule");
        return respond(ProblemType.VALIDATION_FAILED, detail, errors, request);
    }

    private static ResponseEntity<Problem> respond(ProblemType type, String detail, List<InvalidField> errors,
                                                   HttpServletRequest request) {
        log.debug("{} {} -> {}: {}", request.getMethod(), request.getRequestURI(), type.status(), detail);
        return Problem.of(type, detail, request.getRequestURI(), errors).toResponseEntity();
    }
}
