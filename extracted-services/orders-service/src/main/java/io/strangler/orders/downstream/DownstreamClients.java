package io.strangler.orders.downstream;

import io.strangler.orders.OrdersProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.io.IOException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** One {@link RestClient} per downstream, each with its own timeouts. */
@Configuration(proxyBeanMethods = false)
public class DownstreamClients {

    public static final String CATALOG = "catalog";
    public static final String LEGACY_SHOP = "legacy-shop";

    @Bean
    RestClient catalogRestClient(RestClient.Builder builder, OrdersProperties properties) {
        return client(builder, properties.catalogUrl(), properties.connectTimeout(), properties.catalogTimeout());
    }

    @Bean
    RestClient legacyShopRestClient(RestClient.Builder builder, OrdersProperties properties) {
        return client(builder, properties.legacyUrl(), properties.connectTimeout(), properties.legacyTimeout());
    }

    private static RestClient client(RestClient.Builder builder, URI baseUrl, Duration connect, Duration read) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(read);
        return builder.clone().baseUrl(baseUrl.toString()).requestFactory(factory).build();
    }

    private static DownstreamRejection rejection(int status, Map<?, ?> body) {
        String slug = "";
        String detail = "answered " + status;
        if (body != null) {
            Object type = body.get("type");
            if (type instanceof String t) {
                slug = t.substring(t.lastIndexOf('/') + 1);
            }
            if (body.get("detail") instanceof String d && !d.isBlank()) {
                detail = d;
            }
        }
        return new DownstreamRejection(status, slug, detail);
    }

    /**
     * Turns one HTTP answer into an {@link Answer}: 2xx is read as {@code type}, 4xx is a definite rejection, anything
     * else throws {@link DownstreamServerError} so that the call is retried.
     */
    public static <T> Answer<T> answer(String downstream, ConvertibleClientHttpResponse response, Class<T> type)
            throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 200 && status < 300) {
            return new Answer.Ok<>(response.bodyTo(type));
        }
        if (status >= 400 && status < 500) {
            Map<?, ?> body;
            try {
                body = response.bodyTo(Map.class);
            } catch (RuntimeException notJson) {
                body = null;
            }
            return new Answer.Rejected<>(rejection(status, body));
        }
        throw new DownstreamServerError(downstream, status);
    }
}
