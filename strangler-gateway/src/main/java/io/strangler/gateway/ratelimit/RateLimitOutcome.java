package io.strangler.gateway.ratelimit;

/**
 * The answer of a limiter for one request.
 *
 * @param allowed           whether the request may go on
 * @param limit             requests allowed per period
 * @param remaining         requests left now (0 when refused)
 * @param resetSeconds      seconds until the client's full quota is back
 * @param retryAfterSeconds when refused, seconds until the next request may pass (at least 1)
 */
record RateLimitOutcome(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
