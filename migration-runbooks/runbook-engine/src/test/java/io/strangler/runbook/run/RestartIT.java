package io.strangler.runbook.run;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strangler.judge.source.GatewayComparisonSource;
import io.strangler.runbook.Peers;
import io.strangler.infra.PostgresDatabase;
import io.strangler.infra.test.WithPostgres;
import io.strangler.runbook.definition.RunbookParser;
import io.strangler.runbook.http.ActuatorHealth;
import io.strangler.runbook.http.CdcSyncClient;
import io.strangler.runbook.http.FlagServiceClient;
import io.strangler.runbook.http.GatewayClient;
import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.RouteFlags;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Engines stopped and started on the same database: a run goes on at the step it was in and no action is applied
 * twice, also when the engine stopped after applying an action but before recording it.
 */
@WithPostgres(database = "runbook_restart_it")
class RestartIT {

    private static final String RUNBOOK = """
            name: restart-test
            capabilities:
              - name: catalog
                steps:
                  - id: shadow
                    kind: set-route
                    route: catalog
                    mode: SHADOW
                    percent: 5
                  - id: ok
                    kind: approval
                    role: OPERATOR
                    prompt: go on?
                  - id: new
                    kind: set-route
                    route: catalog
                    mode: NEW
            """;

    private DataSource dataSource;

    @BeforeEach
    void landscape(PostgresDatabase database) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(database.jdbcUrl());
        pg.setUser(database.username());
        pg.setPassword(database.password());
        dataSource = pg;
        Peers.healthyLandscape();
        Peers.route("catalog", "LEGACY");
    }

    @Test
    void shouldResumeAtTheApprovalWithoutApplyingTheFirstActionAgain() {
        UUID id;
        try (RunbookEngine first = engine(flags())) {
            first.resume();
            id = first.start("restart.yaml", RUNBOOK, "olivia").id();
            awaitWaitingAt(first, id, "ok");
        }
        try (RunbookEngine second = engine(flags())) {
            second.resume();
            awaitWaitingAt(second, id, "ok");
            second.decide(id, "olivia", "OPERATOR"::equals, true, "after the restart");
            await().atMost(Duration.ofSeconds(20)).until(() -> second.run(id).state() == RunState.SUCCEEDED);
            assertThat(second.run(id).steps()).filteredOn(s -> s.stepId().equals("shadow"))
                    .singleElement().satisfies(s -> assertThat(s.attempts()).isEqualTo(1));
        }
        Peers.SERVER.verify(2, putRequestedFor(urlPathEqualTo("/api/routes/catalog")));
    }

    @Test
    void shouldNotApplyAnActionTwiceWhenTheEngineStoppedBeforeRecordingIt() {
        AtomicBoolean crashAfterApplying = new AtomicBoolean(true);
        RouteFlags real = flags();
        // applies the change in the flag service, then fails as if the engine died before recording the completion
        RouteFlags crashing = new RouteFlags() {
            @Override
            public RouteSetting current(String routeId) {
                return real.current(routeId);
            }

            @Override
            public RouteSetting change(String routeId, String mode, double percent, boolean killSwitch, long version,
                                       String reason) {
                RouteSetting applied = real.change(routeId, mode, percent, killSwitch, version, reason);
                if (crashAfterApplying.getAndSet(false)) {
                    throw new PortException("engine stopped after applying");
                }
                return applied;
            }
        };
        UUID id;
        try (RunbookEngine first = engine(crashing)) {
            first.resume();
            id = first.start("restart.yaml", RUNBOOK, "olivia").id();
            await().atMost(Duration.ofSeconds(20)).until(() -> !crashAfterApplying.get());
        }
        try (RunbookEngine second = engine(flags())) {
            second.resume();
            awaitWaitingAt(second, id, "ok");
            StepView shadow = second.run(id).steps().get(0);
            assertThat(shadow.evidence().path("applied").asBoolean()).isFalse();
            assertThat(shadow.outcome()).contains("already SHADOW");
        }
        Peers.SERVER.verify(1, putRequestedFor(urlPathEqualTo("/api/routes/catalog")));
    }

    private RunbookEngine engine(RouteFlags flags) {
        URI peers = URI.create(Peers.url());
        Duration timeout = Duration.ofSeconds(5);
        RunbookPorts ports = new RunbookPorts(flags, new CdcSyncClient(peers, "operator", "x", timeout),
                new GatewayClient(peers, timeout), GatewayComparisonSource.of(peers), new ActuatorHealth(Map.of("catalog-service", URI.create(Peers.url() + "/health/catalog")),
                timeout));
        return new RunbookEngine(dataSource, ports, new RunbookParser(), Clock.systemUTC(), Duration.ofMillis(100));
    }

    private static RouteFlags flags() {
        return new FlagServiceClient(URI.create(Peers.url()), "operator", "x", Duration.ofSeconds(5));
    }

    private static void awaitWaitingAt(RunbookEngine engine, UUID id, String stepId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            StepView current = engine.run(id).current();
            assertThat(current).isNotNull();
            assertThat(current.stepId()).isEqualTo(stepId);
            assertThat(current.state()).isEqualTo(StepState.WAITING);
        });
    }
}
