package io.strangler.cdc.apply;

import io.strangler.cdc.mapping.Direction;
import java.time.Duration;

/**
 * Where an applier reports what it did (implemented by the status package's meters, so that {@code apply} does not
 * depend on {@code status}).
 */
public interface ApplyMetrics {

    /** Counts one change's outcome. */
    void count(String table, Direction direction, ApplyOutcome outcome);

    /** Records source-commit-to-target-commit lag of one applied change. */
    void lag(String table, Direction direction, Duration lag);
}
