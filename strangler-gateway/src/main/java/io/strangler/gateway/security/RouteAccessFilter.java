package io.strangler.gateway.security;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Enforces the matched route's access policy, in every route mode alike (it runs before the backend is chosen), and
 * hands the caller's identity to the backend. Spring Security has already validated any bearer token (an invalid one
 * was answered 401); here a route that needs a token and has none gets 401, a token without the required scope 403.
 * The identity headers are removed from every incoming request first, then set from the token, so a client can never
 * forge them; shadow copies are made from this request and carry them too.
 */
class RouteAccessFilter implements GlobalFilter, Ordered {

    /** Right after the request id, before the rate limiter and the strangler filters. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final AccessRules rules;
    private final SecurityProperties.Identity identity;
    private final AuthProblems problems;

    RouteAccessFilter(AccessRules rules, SecurityProperties.Identity identity, AuthProblems problems) {
        this.rules = rules;
        this.identity = identity;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        AccessRule rule = rules.rule(route == null ? "" : route.getId(), exchange.getRequest().getMethod().name());
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance).map(JwtAuthenticationToken.class::cast)
                .map(RouteAccessFilter::caller)
                .map(caller -> checked(exchange, chain, rule, caller))
                .switchIfEmpty(Mono.fromSupplier(() -> checked(exchange, chain, rule, null)))
                .flatMap(result -> result);
    }

    private Mono<Void> checked(ServerWebExchange exchange, GatewayFilterChain chain, AccessRule rule, Caller caller) {
        if (rule.needsToken() && caller == null) {
            return problems.missingToken(exchange);
        }
        if (rule.policy() == AccessPolicy.SCOPE && !caller.scopes().contains(rule.scope())) {
            return problems.missingScope(exchange, rule.scope());
        }
        ServerWebExchange trusted = exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(identity.subjectHeader());
            headers.remove(identity.scopesHeader());
            if (caller != null) {
                headers.set(identity.subjectHeader(), caller.subject());
                headers.set(identity.scopesHeader(), String.join(" ", caller.scopes()));
            }
        })).build();
        if (caller != null) {
            trusted.getAttributes().put(Caller.ATTR, caller);
        }
        return chain.filter(trusted);
    }

    private static Caller caller(JwtAuthenticationToken token) {
        SortedSet<String> scopes = new TreeSet<>();
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("SCOPE_")) {
                scopes.add(name.substring("SCOPE_".length()));
            }
        }
        return new Caller(token.getToken().getSubject(), Collections.unmodifiableSortedSet(scopes));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
