package io.strangler.runbook.web;

import io.strangler.runbook.definition.InvalidRunbookException;
import io.strangler.runbook.run.RunProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problems of the runs API: {@code type} {@code /problems/<slug>}; an invalid runbook lists its errors
 * ({@code line}, {@code column}, {@code path}, {@code message}); a 4xx changes nothing.
 */
@RestControllerAdvice(assignableTypes = RunsController.class)
class RunbookProblems {

    @ExceptionHandler(InvalidRunbookException.class)
    ResponseEntity<ProblemDetail> invalidRunbook(InvalidRunbookException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-runbook", "Runbook " + e.source() + " is invalid ("
                + e.errors().size() + " error" + (e.errors().size() == 1 ? "" : "s") + ")", request,
                Map.of("errors", e.errors()));
    }

    @ExceptionHandler(RunProblem.class)
    ResponseEntity<ProblemDetail> run(RunProblem e, HttpServletRequest request) {
        return switch (e.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request, Map.of());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "run-conflict", e.getMessage(), request, Map.of());
            case FORBIDDEN -> problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), request, Map.of());
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "validation-failed", e.getMessage(), request, Map.of());
        };
    }

    @ExceptionHandler(RunsController.BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(RunsController.BadRequest e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", e.getMessage(), request, Map.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "the request body has invalid fields", request,
                Map.of("errors", errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "the request body is not the expected JSON",
                request, Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPath(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", e.getName() + " must be a run id (UUID), got '"
                + e.getValue() + "'", request, Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "send application/json", request,
                Map.of());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String detail,
                                                         HttpServletRequest request, Map<String, Object> extra) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setInstance(URI.create(request.getRequestURI()));
        extra.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
