package io.strangler.console.security;

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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains, as in the flag service. {@code /api/**} (scripts, the CLI): HTTP Basic, stateless, no CSRF token
 * (a change needs an {@code application/json} body, which no cross-site form or simple request can send). Everything
 * else (the console page and the JSON it polls under {@code /ui/api/**}): form login, a session, and a CSRF token on
 * every change.
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
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, true);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
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
    SecurityFilterChain console(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, false);
        PathPatternRequestMatcher uiApi = PathPatternRequestMatcher.withDefaults().matcher("/ui/api/**");
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/login", "/console.css",
                                "/console.js", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/ui/api/**").hasRole("VIEWER")
                        .requestMatchers("/ui/api/**").hasRole("OPERATOR")
                        .anyRequest().denyAll())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, uiApi)
                        .defaultAccessDeniedHandlerFor(problems, uiApi))
                .build();
    }
}
