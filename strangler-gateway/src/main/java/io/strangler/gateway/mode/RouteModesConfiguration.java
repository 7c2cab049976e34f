package io.strangler.gateway.mode;

import io.strangler.flags.client.FlagClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Route modes come from the flag client when {@code strangler.flags.client.base-url} is set, else from memory. */
@Configuration(proxyBeanMethods = false)
class RouteModesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteModesConfiguration.class);

    @Bean
    RouteModes routeModes(ObjectProvider<FlagClient> flagClient) {
        FlagClient client = flagClient.getIfAvailable();
        if (client == null) {
            log.warn("No flag service configured (strangler.flags.client.base-url): every route stays LEGACY");
            return new InMemoryRouteModes();
        }
        return new FlagClientRouteModes(client);
    }
}
