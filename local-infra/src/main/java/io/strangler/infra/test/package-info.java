/**
 * Test integration: {@link io.strangler.infra.test.WithPostgres} and {@link io.strangler.infra.test.WithKafka} give a
 * JUnit 5 test class (plain or Spring) real servers with one annotation.
 */
package io.strangler.infra.test;
