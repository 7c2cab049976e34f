package io.strangler.contracts.faults;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's current fault settings, changed at run time through {@link FaultController}. Thread-safe. */
class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    private final AtomicReference<FaultSettings> current = new AtomicReference<>(FaultSettings.NONE);

    FaultSettings current() {
        return current.get();
    }

    FaultSettings set(FaultSettings settings) {
        current.set(settings);
        // loud on purpose: someone reading the log of a slow service must see that it was made slow
        log.warn("Injected faults are now: latency {} ms, error rate {}", settings.latencyMillis(), settings.errorRate());
        return settings;
    }
}
