package io.strangler.flags.service.problem;

import io.strangler.flags.service.route.InvalidRequestException;
import io.strangler.flags.service.route.MalformedIfMatchException;
import io.strangler.flags.service.route.PreconditionRequiredException;
import io.strangler.flags.service.route.StaleVersionException;
import io.strangler.flags.service.route.UnknownRouteException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure of the REST API into {@code application/problem+json} with a message a caller can act on. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(UnknownRouteException.class)
    ResponseEntity<Object> unknownRoute(UnknownRouteException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Unknown route", e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList();
        return problem(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                e.getMessage(), request.getRequestURI()), errors));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Object> stale(StaleVersionException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "The route changed meanwhile",
                e.getMessage(), request.getRequestURI());
        problem.setProperty("currentVersion", e.current().version());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + e.current().version() + "\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(MalformedIfMatchException.class)
    ResponseEntity<Object> malformedIfMatch(MalformedIfMatchException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed If-Match", e.getMessage(),
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                JsonProblems.describe(e), path(request));
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create("/problems/" + slug(status)));
        }
        if (body instanceof ProblemDetail problem && problem.getDetail() == null) {
            problem.setDetail(e.getMessage());
        }
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(java.net.URI.create(path(request)));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.handleExceptionInternal(e, body, problemHeaders, status, request);
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    private static String path(WebRequest request) {
        return request.getDescription(false).replaceFirst("^uri=", "");
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
