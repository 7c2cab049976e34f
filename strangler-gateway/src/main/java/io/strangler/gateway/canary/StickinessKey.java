package io.strangler.gateway.canary;

import io.strangler.gateway.route.RouteProperties.Stickiness;
import java.net.InetSocketAddress;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Picks what a canary hashes: the configured header, else the configured cookie, else the client's address. */
public final class StickinessKey {

    private StickinessKey() {
    }

    public static String of(ServerHttpRequest request, Stickiness stickiness) {
        if (hasText(stickiness.header())) {
            String value = request.getHeaders().getFirst(stickiness.header());
            if (hasText(value)) {
                return "h:" + value;
            }
        }
        if (hasText(stickiness.cookie())) {
            HttpCookie cookie = request.getCookies().getFirst(stickiness.cookie());
            if (cookie != null && hasText(cookie.getValue())) {
                return "c:" + cookie.getValue();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return "a:" + (remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
