package io.strangler.flags.service.togglz;

import io.strangler.flags.service.route.RouteChanges;
import io.strangler.flags.service.route.RouteStore;
import io.strangler.flags.service.route.RoutesProperties;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.togglz.core.activation.ActivationStrategyProvider;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.StateRepository;
import org.togglz.core.spi.FeatureProvider;

/**
 * Beans the Togglz Spring Boot starter picks up instead of its defaults: routes as features, the route-mode strategy
 * as the only strategy, and the audited repository as the only state repository.
 */
@Configuration(proxyBeanMethods = false)
class TogglzConfiguration {

    @Bean
    FeatureProvider routeFeatures(RoutesProperties routes, RouteStore store) {
        return new RouteFeatures(routes, store);
    }

    @Bean
    ActivationStrategyProvider routeModeStrategy() {
        return () -> List.of(new RouteModeActivationStrategy());
    }

    @Bean
    FilterRegistrationBean<FeatureManagerBinding> featureManagerBinding(FeatureManager featureManager,
                                                                        @Value("${togglz.console.path:/togglz-console}") String path) {
        FilterRegistrationBean<FeatureManagerBinding> registration =
                new FilterRegistrationBean<>(new FeatureManagerBinding(featureManager));
        registration.addUrlPatterns(path + "/*");
        return registration;
    }

    @Bean
    StateRepository auditedStateRepository(RouteStore store, RouteChanges changes) {
        return new AuditedStateRepository(store, changes);
    }
}
