package io.strangler.infra.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real PostgreSQL database.
 *
 * <p>One server runs per test JVM ({@link io.strangler.infra.LocalPostgres#shared()}); each database name gets its
 * own database on it, created on first use. Inject it as a {@link io.strangler.infra.PostgresDatabase} parameter.
 * In a Spring test, {@code spring.datasource.url}, {@code .username} and {@code .password} point at it.
 *
 * <p>When {@code SPRING_DATASOURCE_URL} (or the system property {@code spring.datasource.url}) is set, nothing is
 * started and every test class uses that database as it is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {

    /**
     * The database name. Empty (the default) means one derived from the test class, so each class starts clean.
     * Give several classes the same name to share a database and, in Spring tests, the application context.
     */
    String database() default "";
}
