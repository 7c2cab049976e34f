package io.strangler.gateway.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Problem details (RFC 9457) for the admin API's errors. */
final class AdminProblems {

    private AdminProblems() {
    }

    static Mono<ServerResponse> of(ServerRequest request, HttpStatus status, String slug, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + slug);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.path());
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }
}
