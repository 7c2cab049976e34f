package io.strangler.console.peers;

import java.net.URI;

/** The one shape a peer's base URL may have: scheme, host and port; a path would be silently dropped otherwise. */
final class PeerUrls {

    private PeerUrls() {
    }

    static boolean plain(URI url) {
        if (url == null) {
            return true; // @NotNull reports it
        }
        String scheme = url.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        String path = url.getRawPath();
        return http && url.getHost() != null && (path == null || path.isEmpty() || path.equals("/"))
                && url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
    }
}
