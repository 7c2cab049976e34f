package io.strangler.console.peers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console reads and changes what it shows. Every URL is {@code http(s)://host[:port]} only; a bad value stops
 * the console at start with the key named.
 *
 * @param flags   the flag service: routes, changes, audit
 * @param gateway the gateway's management port: route comparison (legacy vs new)
 * @param cdc     cdc-sync: status, parity
 * @param timeout how long a call to any of them may take before the console reports it unavailable
 */
@Validated
@ConfigurationProperties("strangler.console")
public record PeersProperties(@DefaultValue @Valid @NotNull Flags flags, @DefaultValue @Valid @NotNull Gateway gateway,
                             @DefaultValue @Valid @NotNull Cdc cdc,
                             @DefaultValue("3s") @NotNull Duration timeout) {

    /**
     * @param url      e.g. {@code http://localhost:8084}
     * @param username an OPERATOR of the flag service: the console shifts routes with it (the console user is named
     *                 in the change's reason)
     * @param password its password (env {@code STRANGLER_CONSOLE_FLAGS_PASSWORD})
     */
    public record Flags(@DefaultValue("http://localhost:8084") @NotNull URI url,
                        @DefaultValue("operator") @NotBlank String username,
                        @NotBlank(message = "set STRANGLER_CONSOLE_FLAGS_PASSWORD (the flag service operator's password)")
                        String password) {

        @AssertTrue(message = "must be http(s)://host[:port] only")
        boolean isUrlPlain() {
            return PeerUrls.plain(url);
        }
    }

    /** @param managementUrl the gateway's management port, e.g. {@code http://localhost:9080} */
    public record Gateway(@DefaultValue("http://localhost:9080") @NotNull URI managementUrl) {

        @AssertTrue(message = "must be http(s)://host[:port] only")
        boolean isManagementUrlPlain() {
            return PeerUrls.plain(managementUrl);
        }
    }

    /** @param url cdc-sync's API, e.g. {@code http://localhost:8085} (its read endpoints need no credentials) */
    public record Cdc(@DefaultValue("http://localhost:8085") @NotNull URI url) {

        @AssertTrue(message = "must be http(s)://host[:port] only")
        boolean isUrlPlain() {
            return PeerUrls.plain(url);
        }
    }
}
