/**
 * The canary judge: decides PASS, FAIL or INCONCLUSIVE for a route whose traffic is split between legacy and a new
 * service, from samples a {@link io.strangler.judge.MetricSource} delivers. Entry point: {@link
 * io.strangler.judge.CanaryJudge}; sources live in {@code io.strangler.judge.source}.
 */
package io.strangler.judge;
