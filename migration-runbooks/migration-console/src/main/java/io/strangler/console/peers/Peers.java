package io.strangler.console.peers;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The three peers as beans, each with the configured timeout and, for the flag service, its credentials. */
@Configuration(proxyBeanMethods = false)
class Peers {

    @Bean
    FlagService flagService(PeersProperties properties, RestClient.Builder builder, JsonMapper json) {
        String credentials = properties.flags().username() + ":" + properties.flags().password();
        RestClient client = client(properties, builder).defaultHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build();
        return new FlagService(new Peer("flag-service", properties.flags().url(), client, json));
    }

    @Bean
    GatewayManagement gatewayManagement(PeersProperties properties, RestClient.Builder builder, JsonMapper json) {
        return new GatewayManagement(new Peer("gateway", properties.gateway().managementUrl(),
                client(properties, builder).build(), json));
    }

    @Bean
    CdcSync cdcSync(PeersProperties properties, RestClient.Builder builder, JsonMapper json) {
        return new CdcSync(new Peer("cdc-sync", properties.cdc().url(), client(properties, builder).build(), json));
    }

    private static RestClient.Builder client(PeersProperties properties, RestClient.Builder builder) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        return builder.clone().requestFactory(factory);
    }
}
