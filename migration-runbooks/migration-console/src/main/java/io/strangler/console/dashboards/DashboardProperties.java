package io.strangler.console.dashboards;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dashboards' time series are gathered: every {@code pollInterval} the console asks the gateway for each
 * route's comparison over that interval and keeps the last {@code historyPoints} points in memory.
 *
 * @param pollInterval  1 s to 1 h (default 5 s)
 * @param historyPoints points kept per route, 10 to 10,000 (default 360: half an hour at 5 s)
 */
@Validated
@ConfigurationProperties("strangler.console.dashboard")
record DashboardProperties(@DefaultValue("5s") @NotNull Duration pollInterval,
                           @DefaultValue("360") @Min(10) @Max(10_000) int historyPoints) {

    @AssertTrue(message = "poll-interval must be from 1s to 1h")
    boolean isPollIntervalInRange() {
        return pollInterval == null || (pollInterval.compareTo(Duration.ofSeconds(1)) >= 0
                && pollInterval.compareTo(Duration.ofHours(1)) <= 0);
    }
}
