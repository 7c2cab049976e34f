package io.strangler.console.security;

import io.strangler.flags.accounts.Accounts;
import io.strangler.flags.accounts.AccountsSecurity;
import io.strangler.flags.accounts.ProblemSecurityHandlers;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flag service's identity scheme (flag-accounts: accounts under {@code strangler.console}, roles VIEWER and
 * OPERATOR). One JSON API ({@code /api/**}: the console's own and the runbook engine's runs API), two ways in. With an
 * {@code Authorization} header (scripts, the CLI): HTTP Basic, stateless, no CSRF token, as in the flag service (a
 * change needs an {@code application/json} body, which no cross-site form or simple request can send). Without one
 * (the console page's script): the session of the login form, and a CSRF token on every change. Reading needs VIEWER,
 * changing OPERATOR, either way.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The accounts under {@code strangler.console.*}; flag-accounts' auto-configuration builds them (and the encoder). */
    @Bean
    Accounts accounts() {
        return new Accounts("strangler.console", "the console");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        return AccountsSecurity.basicApi(http.securityMatcher(request -> request.getRequestURI()
                        .startsWith(request.getContextPath() + "/api/") && request.getHeader("Authorization") != null),
                problems(json)).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, JsonMapper json) throws Exception {
        // a caller without a session is told to send Basic credentials: the page's script has a session
        ProblemSecurityHandlers problems = problems(json);
        PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/login", "/console.css",
                                "/console.js", "/runs.js", "/webjars/**").permitAll()
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/api/**").hasRole("VIEWER")
                        .requestMatchers("/api/**").hasRole("OPERATOR")
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api));
        return AccountsSecurity.formLogin(http, "/").build();
    }

    private static ProblemSecurityHandlers problems(JsonMapper json) {
        return new ProblemSecurityHandlers(json, "migration-console", "changes need the OPERATOR role");
    }
}
