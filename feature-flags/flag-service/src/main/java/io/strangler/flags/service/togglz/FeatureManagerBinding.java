package io.strangler.flags.service.togglz;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.togglz.core.context.FeatureContext;
import org.togglz.core.context.ThreadLocalFeatureManagerProvider;
import org.togglz.core.manager.FeatureManager;

/**
 * Hands the Togglz console this application's FeatureManager for the duration of a request. Togglz otherwise finds
 * it through a static, per-class-loader holder of "the" Spring context, which goes wrong when one JVM runs more than
 * one context (tests that start and stop a second service, or an embedding application).
 */
class FeatureManagerBinding extends OncePerRequestFilter {

    private final FeatureManager featureManager;

    FeatureManagerBinding(FeatureManager featureManager) {
        this.featureManager = featureManager;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ThreadLocalFeatureManagerProvider.bind(featureManager);
        FeatureContext.clearCache();
        try {
            chain.doFilter(request, response);
        } finally {
            ThreadLocalFeatureManagerProvider.release();
            FeatureContext.clearCache();
        }
    }
}
