package io.strangler.contracts.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Gives every servlet web application that depends on {@code shop-contracts} the shop's problem handler: each
 * {@link ShopProblem}, unreadable or invalid body, bad parameter, unsupported media type or method, unknown path
 * and unexpected exception becomes an {@code application/problem+json} answer of the contract.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ShopProblemAutoConfiguration {

    @Bean
    ShopProblemHandler shopProblemHandler() {
        return new ShopProblemHandler();
    }
}
