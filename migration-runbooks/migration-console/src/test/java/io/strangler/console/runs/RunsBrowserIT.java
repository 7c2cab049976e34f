package io.strangler.console.runs;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.strangler.console.ConsoleITBase;
import io.strangler.console.PeerAnswers;
import io.strangler.console.web.Browsers;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runbook runs driven from the console in a real browser: the runbook engine runs inside the console (its runs in
 * PostgreSQL), the flag service and the gateway are played by WireMock.
 */
class RunsBrowserIT extends ConsoleITBase {

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
        // runs move on the engine's own thread: give them time on a busy machine
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldDriveARunToNewOnceAnOperatorApprovesItInTheConsole() {
        Page page = Browsers.signIn(browser, port, OPERATOR, OPERATOR_PASSWORD);
        start(page, "to-new-with-approval.yaml");

        Locator run = run(page, "catalog-to-new");
        assertThat(run.locator("[data-testid=approval-prompt]")).containsText("Send all catalog traffic to catalog-service?");
        assertThat(run.locator("[data-step=catalog-canary-50]")).hasAttribute("data-state", "SUCCEEDED");
        Browsers.screenshot(page, "run-waiting-for-approval");
        run.locator("[data-testid=decision-reason]").fill("judge passed at 50 %, go");
        run.locator("[data-testid=approve]").click();

        assertThat(run.locator("[data-testid=run-state]")).hasText("SUCCEEDED");
        assertThat(run.locator("[data-step=catalog-go-new]")).containsText("approved by olivia: judge passed at 50 %, go");
        assertThat(run.locator("[data-step=catalog-new]")).hasAttribute("data-state", "SUCCEEDED");
        peers.verify(putRequestedFor(urlPathEqualTo("/api/routes/catalog")).withRequestBody(matchingJsonPath("$.mode", 
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("NEW"))));
        assertThat(page.locator("[data-testid=audit-entry]", new Page.LocatorOptions().setHasText("APPROVE catalog-go-new")))
                .containsText("judge passed at 50 %, go");
        Browsers.screenshot(page, "run-to-new-approved");
        page.close();
    }

    @Test
    void shouldShowACanaryRolledBackByTheJudgeWhenNewIsSlow() {
        routeThatRemembersItsMode();
        peers.stubFor(get(urlPathEqualTo("/admin/routes/catalog/comparison")).atPriority(1)
                .willReturn(okJson(slowNewComparison())));
        Page page = Browsers.signIn(browser, port, OPERATOR, OPERATOR_PASSWORD);
        start(page, "slow-canary.yaml");

        Locator run = run(page, "catalog-canary");
        assertThat(run.locator("[data-testid=run-state]")).hasText("ROLLED_BACK");
        assertThat(run.locator("[data-testid=run-failure]")).containsText("judge FAIL");
        Locator gate = run.locator("[data-step=catalog-judge-25]");
        assertThat(gate).hasAttribute("data-state", "FAILED");
        assertThat(gate.locator("[data-testid=evidence]")).containsText("latencyPValue");
        assertThat(run.locator("[data-step=catalog-back-to-legacy]")).hasAttribute("data-state", "SUCCEEDED");
        peers.verify(putRequestedFor(urlPathEqualTo("/api/routes/catalog")).withRequestBody(matchingJsonPath("$.mode",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("LEGACY"))));
        gate.locator("summary").click();
        Browsers.screenshot(page, "canary-rolled-back");
        page.close();
    }

    private static void start(Page page, String runbook) {
        page.locator("[data-testid=runbook-select]").selectOption(runbook);
        page.locator("[data-testid=start]").click();
        assertThat(page.locator("[data-testid=message]")).hasText("Started " + runbook);
    }

    private static Locator run(Page page, String runbook) {
        return page.locator("[data-testid=run]", new Page.LocatorOptions().setHasText(runbook + " — ")).first();
    }

    /** The flag service keeps the mode it was last given, so the rollback has something to undo. */
    private static void routeThatRemembersItsMode() {
        String scenario = "catalog route";
        peers.stubFor(get(urlPathEqualTo("/api/routes/catalog")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(PeerAnswers.ROUTE_LEGACY)));
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("canary")
                .willReturn(okJson(PeerAnswers.ROUTE_CHANGED).withTransformers("response-template")));
        peers.stubFor(get(urlPathEqualTo("/api/routes/catalog")).inScenario(scenario).whenScenarioStateIs("canary")
                .willReturn(okJson(PeerAnswers.ROUTE_LEGACY.replace("\"LEGACY\",\"percent\":0,\"version\":3",
                        "\"CANARY\",\"percent\":25,\"version\":4"))));
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).inScenario(scenario).whenScenarioStateIs("canary")
                .willSetStateTo(Scenario.STARTED)
                .willReturn(okJson(PeerAnswers.ROUTE_CHANGED).withTransformers("response-template")));
    }

    /** 200 requests a side; new answers in ~300 ms where legacy takes ~20 ms (a new service made slow). */
    private static String slowNewComparison() {
        String legacy = IntStream.range(0, 200).mapToObj(i -> String.valueOf(18 + i % 5)).collect(Collectors.joining(","));
        String slow = IntStream.range(0, 200).mapToObj(i -> String.valueOf(300 + i % 20)).collect(Collectors.joining(","));
        return PeerAnswers.COMPARISON
                .replace("\"count\":300,\"errors\":3,\"errorRate\":0.01", "\"count\":200,\"errors\":0,\"errorRate\":0.0")
                .replace("\"count\":100,\"errors\":20,\"errorRate\":0.2", "\"count\":200,\"errors\":0,\"errorRate\":0.0")
                .replaceFirst("\"latencySamplesMillis\":\\[]", "\"latencySamplesMillis\":[" + legacy + "]")
                .replaceFirst("\"latencySamplesMillis\":\\[]", "\"latencySamplesMillis\":[" + slow + "]");
    }
}
