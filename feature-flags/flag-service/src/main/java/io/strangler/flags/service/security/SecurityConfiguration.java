package io.strangler.flags.service.security;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared identity scheme (flag-accounts: accounts under {@code strangler.flags}, roles VIEWER and OPERATOR), two
 * filter chains. The REST API ({@code /api/**}): HTTP Basic, stateless, no CSRF token (see the README: a write needs
 * {@code If-Match} and a JSON body, which no cross-site form or simple request can send). Everything else (the flag
 * console and Togglz's console): form login with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The accounts under {@code strangler.flags.*}; flag-accounts' auto-configuration builds them (and the encoder). */
    @Bean
    Accounts accounts() {
        return new Accounts("strangler.flags", "the flag service");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, "flag-service",
                "changing routes needs the OPERATOR role");
        return AccountsSecurity.basicApi(http.securityMatcher("/api/**"), problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoles(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/info", "/login", "/console.css").permitAll()
                .requestMatchers("/togglz-console/**").hasRole("OPERATOR")
                .requestMatchers(HttpMethod.POST, "/console/**").hasRole("OPERATOR")
                .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**").hasRole("VIEWER")
                .anyRequest().denyAll());
        return AccountsSecurity.formLogin(http, "/console").build();
    }
}
