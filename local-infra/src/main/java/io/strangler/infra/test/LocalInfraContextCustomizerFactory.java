package io.strangler.infra.test;

import io.strangler.infra.PostgresDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring side of {@link WithPostgres} and {@link WithKafka}: puts the standard connection properties into the test's
 * application context. Registered in {@code META-INF/spring.factories}.
 *
 * <p>The customizer's identity is the properties it adds, so test classes that share a database name share a cached
 * context.
 */
public final class LocalInfraContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        WithPostgres postgres = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithPostgres.class);
        WithKafka kafka = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithKafka.class);
        if (postgres == null && kafka == null) {
            return null;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (postgres != null) {
            PostgresDatabase db = TestInfrastructure.database(testClass, postgres);
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", db.username());
            properties.put("spring.datasource.password", db.password());
        }
        if (kafka != null) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        }
        return new InfraProperties(Map.copyOf(properties));
    }

    private record InfraProperties(Map<String, Object> properties) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("strangler-local-infra", properties));
        }
    }
}
