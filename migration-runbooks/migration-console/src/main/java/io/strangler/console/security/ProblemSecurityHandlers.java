package io.strangler.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the JSON APIs as problem details (the pages get the login form and a plain 403 instead). */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "migration-console";

    private final JsonMapper json;
    private final boolean basic;

    /** @param basic whether to challenge for HTTP Basic (the {@code /api} chain) or not (the browser's session API) */
    ProblemSecurityHandlers(JsonMapper json, boolean basic) {
        this.json = json;
        this.basic = basic;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (basic) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        write(request, response, 401, "unauthorized", "Authentication required",
                basic ? "Send HTTP Basic credentials of a VIEWER (to read) or an OPERATOR (to change)"
                        : "The session has ended; sign in again");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException && !signedIn()) {
            // a caller without credentials or session: the token is not its problem yet, authenticating is
            commence(request, response, null);
            return;
        }
        String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String detail = e instanceof CsrfException
                ? "Missing or invalid CSRF token: reload the console and try again"
                : "'" + who + "' may not " + request.getMethod() + " " + request.getRequestURI() + ": changes need the OPERATOR role";
        write(request, response, 403, "forbidden", "Not allowed", detail);
    }

    /** The CSRF check runs before the request knows its principal: ask the (session's) security context. */
    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String slug, String title,
                       String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
