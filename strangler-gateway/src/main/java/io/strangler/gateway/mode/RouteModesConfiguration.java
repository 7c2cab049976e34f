package io.strangler.gateway.mode;

import io.strangler.flags.client.FlagClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Route modes come from the flag client when {@code strangler.flags.client.base-url} is set; else from memory,
 * seeded from {@code strangler.gateway.fixed-modes.<route>} (e.g. {@code CANARY:25}) for benchmarks and setups
 * without a flag service.
 */
@Configuration(proxyBeanMethods = false)
class RouteModesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteModesConfiguration.class);

    @Bean
    RouteModes routeModes(ObjectProvider<FlagClient> flagClient, Environment environment) {
        FlagClient client = flagClient.getIfAvailable();
        if (client != null) {
            return new FlagClientRouteModes(client);
        }
        InMemoryRouteModes modes = new InMemoryRouteModes();
        Map<String, String> fixed = Binder.get(environment)
                .bind("strangler.gateway.fixed-modes", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        fixed.forEach((routeId, value) -> modes.set(routeId, parse(routeId, value)));
        log.warn("No flag service configured (strangler.flags.client.base-url): fixed modes {}, every other route LEGACY",
                fixed);
        return modes;
    }

    /** {@code NEW}, {@code LEGACY}, {@code SHADOW:10}, {@code CANARY:12.5}. */
    static RouteModeSetting parse(String routeId, String value) {
        String[] parts = value.trim().split(":", 2);
        try {
            TrafficMode mode = TrafficMode.valueOf(parts[0].trim().toUpperCase(java.util.Locale.ROOT));
            double percent = parts.length == 2 ? Double.parseDouble(parts[1]) : 0;
            return RouteModeSetting.of(mode, percent);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("strangler.gateway.fixed-modes." + routeId + ": expected LEGACY, NEW, "
                    + "SHADOW:<percent> or CANARY:<percent> (percent 0-100), got '" + value + "'");
        }
    }
}
