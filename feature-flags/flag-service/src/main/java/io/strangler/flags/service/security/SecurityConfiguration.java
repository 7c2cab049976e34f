package io.strangler.flags.service.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. The REST API ({@code /api/**}): HTTP Basic, stateless, no CSRF token (see the README: a write
 * needs {@code If-Match} and a JSON body, which no cross-site form or simple request can send). Everything else (the
 * flag console and Togglz's console): form login with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager accounts(AccountsProperties properties, PasswordEncoder encoder) {
        return Accounts.of(properties, encoder);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // the stream's async dispatches belong to a request that was already authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(basic -> basic.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoles(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/login", "/console.css").permitAll()
                        .requestMatchers("/togglz-console/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/console/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**").hasRole("VIEWER")
                        .anyRequest().denyAll())
                .formLogin(form -> form.defaultSuccessUrl("/console", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
