package io.strangler.gateway.security;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Spring Security on the front door: a stateless OAuth2 resource server that validates bearer JWTs (signature by the
 * issuer's JWKS, issuer, audience, expiry with clock skew). It authorises nothing by path itself: every exchange is
 * let through to {@link RouteAccessFilter}, which applies the policy of the route the gateway matched. No CSRF,
 * sessions or response headers of its own: the gateway forwards backends' answers unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Printable, bounded subjects only: the subject goes into a request header. */
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,254}");

    @Bean
    AuthProblems authProblems() {
        return new AuthProblems();
    }

    @Bean
    SecurityWebFilterChain frontDoorSecurity(ServerHttpSecurity http, SecurityProperties properties,
                                             ObjectProvider<ReactiveJwtDecoder> decoder, AuthProblems problems) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll());
        if (properties.security().jwt().configured()) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.jwtDecoder(decoder.getObject())));
        }
        return http.build();
    }

    @Bean
    RouteAccessFilter routeAccessFilter(SecurityProperties properties, AuthProblems problems) {
        return new RouteAccessFilter(properties.rules(), properties.security().identity(), problems);
    }

    @Bean
    @ConditionalOnProperty("strangler.gateway.security.jwt.jwk-set-uri")
    ReactiveJwtDecoder stranglerJwtDecoder(SecurityProperties properties) {
        SecurityProperties.Jwt settings = properties.security().jwt();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString()).build();
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Jwt settings) {
        List<String> audiences = settings.audiences();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(settings.clockSkew()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && SUBJECT.matcher(sub).matches())));
    }
}
