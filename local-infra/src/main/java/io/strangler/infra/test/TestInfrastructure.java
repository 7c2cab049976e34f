package io.strangler.infra.test;

import io.strangler.infra.InfraSettings;
import io.strangler.infra.LocalKafka;
import io.strangler.infra.LocalPostgres;
import io.strangler.infra.PostgresDatabase;
import java.util.Locale;

/** Resolves what a {@link WithPostgres} / {@link WithKafka} test class gets: embedded, or external when configured. */
final class TestInfrastructure {

    private TestInfrastructure() {
    }

    static PostgresDatabase database(Class<?> testClass, WithPostgres annotation) {
        return InfraSettings.fromProcess().externalPostgres()
                .orElseGet(() -> LocalPostgres.shared().createDatabase(databaseName(testClass, annotation)));
    }

    static KafkaBroker kafka() {
        return new KafkaBroker(InfraSettings.fromProcess().externalKafka()
                .orElseGet(() -> LocalKafka.shared().bootstrapServers()));
    }

    /** The annotation's name, else the test class's simple name in snake case (e.g. {@code product_api_it}). */
    static String databaseName(Class<?> testClass, WithPostgres annotation) {
        if (!annotation.database().isEmpty()) {
            return annotation.database();
        }
        String snake = testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        String name = "t_" + snake.replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
