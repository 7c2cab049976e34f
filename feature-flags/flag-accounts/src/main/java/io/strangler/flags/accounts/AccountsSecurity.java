package io.strangler.flags.accounts;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The filter-chain building blocks of the identity scheme. An application keeps its own path rules (which requests
 * a chain matches, which pages need which role) and takes the rest from here.
 */
public final class AccountsSecurity {

    /** Where a signed-out user lands. */
    public static final String LOGGED_OUT = "/login?logout";

    private AccountsSecurity() {
    }

    /** Delegating encoder: bcrypt for new hashes, {@code {bcrypt}...} values accepted as they are. */
    public static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A JSON API reached with HTTP Basic: every request the chain matches needs VIEWER to GET and OPERATOR otherwise,
     * stateless, no CSRF token (a change needs a JSON body, which no cross-site form or simple request can send), 401
     * and 403 as problem details. Async and error dispatches are let through: they belong to a request that was
     * already authorized (a stream, for instance). Call it on an {@code http} already restricted by
     * {@code securityMatcher} to the API.
     */
    public static HttpSecurity basicApi(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET).hasRole("VIEWER")
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(basic -> basic.realmName(problems.realm()).authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /** Form login with a session (and Spring Security's CSRF protection), landing on {@code home}. */
    public static HttpSecurity formLogin(HttpSecurity http, String home) throws Exception {
        return http
                .formLogin(form -> form.defaultSuccessUrl(home, false))
                .logout(logout -> logout.logoutSuccessUrl(LOGGED_OUT));
    }
}
