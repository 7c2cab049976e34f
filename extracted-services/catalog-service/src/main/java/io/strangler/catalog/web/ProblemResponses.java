package io.strangler.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Renders every refusal as {@code application/problem+json}, shaped as the shop's contract says. */
@RestControllerAdvice
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final Comparator<Problem.FieldViolation> BY_FIELD =
            Comparator.comparing(Problem.FieldViolation::field).thenComparing(Problem.FieldViolation::message);

    @ExceptionHandler(ShopProblem.class)
    ResponseEntity<Problem> shopProblem(ShopProblem problem, HttpServletRequest request) {
        return respond(problem.type(), problem.getMessage(), problem.errors(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Problem.FieldViolation> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problem.FieldViolation(error.getField(), error.getDefaultMessage()))
                .sorted(BY_FIELD).toList();
        return validationFailed(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Problem.FieldViolation> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problem.FieldViolation(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .sorted(BY_FIELD).toList();
        return validationFailed(errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(ProblemType.MALFORMED_REQUEST, UnreadableBody.describe(e), List.of(), request);
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
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ProblemType.NOT_FOUND, "No resource at " + request.getRequestURI(), List.of(), request);
    }

    private static ResponseEntity<Problem> validationFailed(List<Problem.FieldViolation> errors,
                                                            HttpServletRequest request) {
        // same wording as the legacy shop: clients may show it
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request body breaks a rule");
        return respond(ProblemType.VALIDATION_FAILED, detail, errors, request);
    }

    private static ResponseEntity<Problem> respond(ProblemType type, String detail, List<Problem.FieldViolation> errors,
                                                   HttpServletRequest request) {
        log.debug("{} {} -> {}: {}", request.getMethod(), request.getRequestURI(), type.status(), detail);
        Problem body = new Problem(type.uri(), type.title(), type.status().value(), detail, request.getRequestURI(),
                errors);
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
