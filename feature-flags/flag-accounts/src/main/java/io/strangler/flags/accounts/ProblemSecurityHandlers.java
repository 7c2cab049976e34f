package io.strangler.flags.accounts;

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

/**
 * 401 and 403 of a JSON API as RFC 9457 problem details ({@code application/problem+json}); pages get the login form
 * and a plain 403 instead. A 401 challenges for HTTP Basic in {@link #realm()}.
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final String realm;
    private final String operatorRule;

    /**
     * @param json         writes the problem
     * @param realm        the HTTP Basic realm, e.g. {@code flag-service}
     * @param operatorRule the end of a 403's detail, e.g. {@code changes need the OPERATOR role}
     */
    public ProblemSecurityHandlers(JsonMapper json, String realm, String operatorRule) {
        this.json = json;
        this.realm = realm;
        this.operatorRule = operatorRule;
    }

    /** The HTTP Basic realm this entry point challenges for. */
    public String realm() {
        return realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        write(request, response, 401, "unauthorized", "Authentication required",
                "Send HTTP Basic credentials of a VIEWER (to read) or an OPERATOR (to change)");
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
                : "'" + who + "' may not " + request.getMethod() + " " + request.getRequestURI() + ": " + operatorRule;
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
