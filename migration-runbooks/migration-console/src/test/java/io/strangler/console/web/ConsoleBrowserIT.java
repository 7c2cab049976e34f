package io.strangler.console.web;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.strangler.console.ConsoleITBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's panels in a real browser, against peers that answer as the landscape's services do. */
class ConsoleBrowserIT extends ConsoleITBase {

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
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
    void shouldShowRoutesDashboardsSyncAndAuditInOnePlace() {
        Page page = Browsers.signIn(browser, port, VIEWER, VIEWER_PASSWORD);

        Locator catalog = page.locator("table[data-testid=routes] tr[data-route=catalog]");
        assertThat(catalog.locator("[data-testid=mode]")).hasText("CANARY");
        assertThat(catalog.locator("[data-testid=percent]")).hasText("25");
        assertThat(catalog.locator("[data-testid=traffic]")).containsText("300 / 100 (25.0 % new)");
        assertThat(catalog.locator("[data-testid=shift-form]")).hasCount(0);

        Locator fresh = page.locator("table[data-testid=comparison] tr[data-backend=new]");
        assertThat(fresh.locator("[data-f=p99Millis]")).hasText("420.0");
        assertThat(fresh.locator("[data-f=errorRate]")).hasText("20.0 %");
        assertThat(page.locator("[data-testid=shadow-summary]")).containsText("match rate 90.0 %");
        assertThat(page.locator("table[data-testid=top-differing]")).containsText("$.price");
        assertThat(page.locator("[data-testid=recent-mismatches]")).containsText("/api/products/1001");
        assertThat(page.locator("[data-testid=fallbacks]")).containsText("4 in the window, server_error 3, timeout 1");
        assertThat(page.locator("[data-testid=chart-latency] .uplot")).hasCount(1);

        Locator products = page.locator("table[data-testid=sync-tables] tr[data-table=products]");
        assertThat(products.locator("[data-testid=lag-p99]")).hasText("48.9");
        assertThat(products.locator("[data-testid=dead-letters]")).hasText("2");
        assertThat(page.locator("table[data-testid=parity] tr[data-table=products] [data-testid=parity-percent]"))
                .hasText("100.00");
        assertThat(page.locator("[data-testid=audit-entry]").first()).containsText("first quarter of customers");
        Browsers.screenshot(page, "console-viewer");
        page.close();
    }

    @Test
    void shouldLetAnOperatorShiftARouteWithAReason() {
        peers.stubFor(put(urlPathEqualTo("/api/routes/orders")).willReturn(okJson("""
                {"routeId":"orders","mode":"SHADOW","percent":10,"version":1,"killSwitch":false,
                 "updatedAt":"2026-11-28T10:10:00Z","updatedBy":"operator"}""")));
        Page page = Browsers.signIn(browser, port, OPERATOR, OPERATOR_PASSWORD);

        Locator orders = page.locator("table[data-testid=routes] tr[data-route=orders]");
        orders.locator("[data-testid=mode-select]").selectOption("SHADOW");
        orders.locator("[data-testid=percent-input]").fill("10");
        orders.locator("[data-testid=reason-input]").fill("browser test: compare a tenth of orders");
        orders.locator("[data-testid=apply]").click();

        assertThat(page.locator("[data-testid=message]")).hasText("Route orders is now SHADOW 10 %");
        peers.verify(putRequestedFor(urlPathEqualTo("/api/routes/orders")).withHeader("If-Match", equalTo("\"0\""))
                .withRequestBody(containing("browser test: compare a tenth of orders (console: olivia)")));
        Browsers.screenshot(page, "console-operator-shift");
        page.close();
    }

    @Test
    void shouldTellTheOperatorWhyAChangeWasRefused() {
        peers.stubFor(put(urlPathEqualTo("/api/routes/catalog")).willReturn(problem(409, """
                {"type":"/problems/stale-version","status":409,"detail":"route catalog is at version 9, not 7"}""")));
        Page page = Browsers.signIn(browser, port, OPERATOR, OPERATOR_PASSWORD);

        Locator catalog = page.locator("table[data-testid=routes] tr[data-route=catalog]");
        catalog.locator("[data-testid=mode-select]").selectOption("NEW");
        catalog.locator("[data-testid=reason-input]").fill("too early");
        catalog.locator("[data-testid=apply]").click();

        assertThat(page.locator("[data-testid=message]"))
                .hasText("Route catalog not changed: flag-service: route catalog is at version 9, not 7");
        page.close();
    }
}
