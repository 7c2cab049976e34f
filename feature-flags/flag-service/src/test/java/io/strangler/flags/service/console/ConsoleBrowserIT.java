package io.strangler.flags.service.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.strangler.flags.service.FlagServiceITBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The flag console in a real browser: Debian's chromium driven by Playwright, its own browser download disabled. */
class ConsoleBrowserIT extends FlagServiceITBase {

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost")));
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
    void shouldLetAnOperatorShiftARouteWithAReasonAndSeeItInTheAuditTrail() {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/console");

        page.getByLabel("Username").fill(OPERATOR);
        page.getByLabel("Password").fill(OPERATOR_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();

        Locator customers = page.locator("section[data-route=customers]");
        customers.locator("[data-testid=mode-select]").selectOption("CANARY");
        customers.locator("[data-testid=percent-input]").fill("25");
        customers.locator("[data-testid=reason-input]").fill("browser test: first quarter of customers");
        customers.locator("[data-testid=apply]").click();

        assertThat(page.locator("[data-testid=message]")).containsText("Route customers is now CANARY 25 %");
        Locator row = page.locator("table[data-testid=routes] tr[data-route=customers]");
        assertThat(row.locator("[data-testid=mode]")).hasText("CANARY");
        assertThat(row.locator("[data-testid=percent]")).hasText("25");
        assertThat(row.locator("[data-testid=updated-by]")).hasText(OPERATOR);
        Locator newest = page.locator("section[data-route=customers] [data-testid=audit-entry]").first();
        assertThat(newest).containsText("browser test: first quarter of customers");
        assertThat(newest).containsText("CONSOLE");
        assertThat(newest).containsText("CANARY 25 %");
        page.close();
    }
}
