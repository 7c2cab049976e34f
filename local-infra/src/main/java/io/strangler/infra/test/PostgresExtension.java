package io.strangler.infra.test;

import io.strangler.infra.PostgresDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** JUnit 5 side of {@link WithPostgres}: makes sure the database exists and injects {@link PostgresDatabase}. */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static PostgresDatabase database(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        WithPostgres annotation = AnnotationSupport.findAnnotation(testClass, WithPostgres.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated with @WithPostgres"));
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                c -> TestInfrastructure.database(testClass, annotation), PostgresDatabase.class);
    }
}
