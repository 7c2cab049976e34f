/**
 * Real PostgreSQL ({@link io.strangler.infra.LocalPostgres}) and Kafka ({@link io.strangler.infra.LocalKafka})
 * servers started in-process for tests and the one-machine demo, and {@link io.strangler.infra.InfraSettings}, which
 * says when an external server has been configured instead.
 */
package io.strangler.infra;
