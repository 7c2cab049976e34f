package io.strangler.contracts;

import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Pact provider test at the shop's consumer pacts packaged in the {@code shop-contracts} jar (classpath
 * folder {@code pacts/}), instead of a folder or a broker. Use it beside {@code @Provider(ShopContract.CATALOG)} or
 * {@code @Provider(ShopContract.ORDERS)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PactSource(ShopPactLoader.class)
public @interface ShopPacts {
}
