package io.strangler.console.problem;

import io.strangler.console.peers.PeerException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of the console's JSON API as RFC 9457 problem details ({@code type} {@code /problems/<slug>}): bad
 * input (400, 415, 428), and peers that do not answer (502 {@code peer-unavailable}) or refuse (their own 4xx relayed,
 * with their {@code type}, {@code detail} and {@code errors}, e.g. the flag service's 409 {@code stale-version}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE) // the runbook engine's own advice answers for its runs API first
class ConsoleProblems {

    private static final Logger log = LoggerFactory.getLogger(ConsoleProblems.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.valueOf(e.status()), e.slug(), e.getMessage(), request);
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return respond(problem);
    }

    @ExceptionHandler(PeerException.class)
    ResponseEntity<ProblemDetail> peer(PeerException e, HttpServletRequest request) {
        HttpStatusCode status = e.status();
        if (status == null) {
            log.warn("{}", e.getMessage());
            return respond(problem(HttpStatus.BAD_GATEWAY, "peer-unavailable", e.getMessage(), request));
        }
        if (status.value() == 401 || status.value() == 403) {
            return respond(problem(HttpStatus.BAD_GATEWAY, "peer-refused", e.peer() + " refused the console's "
                    + "credentials (" + status.value() + "); check strangler.console.flags.username / password", request));
        }
        if (status.is5xxServerError()) {
            return respond(problem(HttpStatus.BAD_GATEWAY, "peer-failed", e.getMessage(), request));
        }
        return respond(relayed(e, request));
    }

    /** A peer's 4xx, kept as the peer said it: the operator acts on the peer's words (e.g. who changed it meanwhile). */
    private static ProblemDetail relayed(PeerException e, HttpServletRequest request) {
        JsonNode body = e.body();
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asString() : e.getMessage();
        String slug = body != null && body.hasNonNull("type") ? body.get("type").asString().replaceFirst("^/problems/", "")
                : "peer-refused";
        ProblemDetail problem = problem(e.status(), slug, e.peer() + ": " + detail, request);
        problem.setProperty("peer", e.peer());
        if (body != null && body.has("errors")) {
            problem.setProperty("errors", body.get("errors"));
        }
        if (body != null && body.has("currentVersion")) {
            problem.setProperty("currentVersion", body.get("currentVersion"));
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-request", "The body is not the JSON expected: "
                + firstLine(cause.getMessage()), request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Content-Type '" + e.getContentType() + "' is not supported; send application/json", request));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-request", e.getMessage(), request));
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
