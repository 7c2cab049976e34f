package io.strangler.cdc.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {

    @Test
    void retriesDeadlocksLostConnectionsAndShutdownsInsteadOfDeadLetteringThem() {
        assertThat(TransientFailure.is(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailure.is(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(TransientFailure.is(new SQLException("connection lost", "08006"))).isTrue();
        assertThat(TransientFailure.is(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(TransientFailure.is(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(TransientFailure.is(new SQLException("foreign key", "23503"))).isFalse();
        assertThat(TransientFailure.is(new SQLException("no state"))).isFalse();
    }
}
