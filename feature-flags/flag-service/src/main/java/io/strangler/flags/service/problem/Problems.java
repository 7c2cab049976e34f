package io.strangler.flags.service.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with this project's relative {@code type} URIs ({@code /problems/<slug>}). */
public final class Problems {

    private Problems() {
    }

    /** A problem of this slug, status and detail; {@code instance} is the request path. */
    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    /** Adds {@code errors: [{field, message}]}. */
    public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }
}
