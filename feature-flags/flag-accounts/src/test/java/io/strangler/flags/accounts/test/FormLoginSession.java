package io.strangler.flags.accounts.test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session (cookies, the login form, CSRF tokens read from pages) against an application of the
 * identity scheme, for tests that need no real browser. Redirects are not followed: a test sees the 302.
 */
public final class FormLoginSession {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String accept;

    /** A session that sends no {@code Accept} header. */
    public FormLoginSession(int port) {
        this(port, null);
    }

    /** @param accept the {@code Accept} header of every GET, or null for none */
    public FormLoginSession(int port, String accept) {
        this.base = "http://localhost:" + port;
        this.accept = accept;
    }

    /** Signs in through the login form; fails unless the application redirects somewhere other than an error. */
    public FormLoginSession login(String user, String password) {
        HttpResponse<String> response = post("/login",
                Map.of("username", user, "password", password, "_csrf", csrfToken("/login")));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.headers().map());
        }
        return this;
    }

    /** The CSRF token of the form on this page. */
    public String csrfToken(String path) {
        return find(FORM_CSRF, path, "no CSRF token on " + path);
    }

    /** The CSRF token a page hands its script in {@code <meta name="_csrf">}. */
    public String pageCsrfToken(String path) {
        return find(META_CSRF, path, "no CSRF token for the script on " + path);
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return AccountsHttp.send(http, request.build());
    }

    /** POSTs a form, URL-encoded. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return AccountsHttp.send(http, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** PUTs a JSON body. @param headers name, value, name, value ... */
    public HttpResponse<String> putJson(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return AccountsHttp.send(http, request.build());
    }

    private String find(Pattern pattern, String path, String missing) {
        Matcher matcher = pattern.matcher(get(path).body());
        if (!matcher.find()) {
            throw new IllegalStateException(missing);
        }
        return matcher.group(1);
    }
}
