package io.strangler.contracts.faults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Faults on demand for the shop's services, and only with the {@code demo} profile: latency and an error rate on
 * {@code /api/**}, set through {@code PUT /admin/faults}. Without the profile none of these beans exist, so the admin
 * path answers 404 and no request is touched.
 */
@AutoConfiguration
@Profile(FaultsAutoConfiguration.PROFILE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FaultsAutoConfiguration {

    /** The profile that enables faults on demand; the demo launcher activates it for the extracted services. */
    public static final String PROFILE = "demo";

    @Bean
    Faults stranglerFaults() {
        return new Faults();
    }

    @Bean
    FaultController faultController(Faults faults) {
        return new FaultController(faults);
    }

    @Bean
    WebMvcConfigurer faultInjection(Faults faults) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new FaultInterceptor(faults)).addPathPatterns("/api/**");
            }
        };
    }
}
