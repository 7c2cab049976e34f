package io.strangler.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Counts one request of a client on a route against the route's limit. */
interface ClientLimiter {

    /**
     * @param routeId the route matched
     * @param client  the client's key (subject or address), unique per client
     * @param limit   the route's limit, validated
     */
    Mono<RateLimitOutcome> consume(String routeId, String client, RateLimitProperties.Limit limit);
}
