package io.strangler.demo.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.strangler.demo.StranglerCli;
import io.strangler.demo.landscape.Landscape;
import io.strangler.infra.InfraSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunbookCommandTest {

    private static final String RUN_ID = "4f7d8f2e-5b3a-4c1e-9d2a-0b6c2f9e1a11";
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = StranglerCli.commandLine(Landscape.SERVICES, InfraSettings.of(Map.of(), Map.of()),
                settings -> 0);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void shouldValidateAShippedRunbookOffline() {
        assertThat(run("runbook", "validate", "../migration-runbooks/catalog.yaml")).isZero();
        assertThat(out.toString()).contains("ok:", "'catalog-cutover'");
    }

    @Test
    void shouldListEveryErrorOfAnInvalidRunbookWithItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                capabilities:
                  - name: catalog
                    steps:
                      - id: shadow
                        kind: set-route
                        route: catalog
                        mode: DARK
                """);
        assertThat(run("runbook", "validate", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("line 8", "$.capabilities[0].steps[0].mode", "LEGACY", "SHADOW");
    }

    @Test
    void shouldRefuseAMissingFile() {
        assertThat(run("runbook", "validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no runbook file");
    }

    @Test
    void shouldRequireAReasonToApproveRejectOrAbort() {
        assertThat(run("runbook", "approve", RUN_ID, "--password", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--reason");
        assertThat(run("runbook", "abort", RUN_ID, "--password", "x", "--reason", " ")).isEqualTo(2);
        assertThat(err.toString()).contains("--reason must be 1 to 500 characters");
    }

    @Test
    void shouldRefuseARunIdThatIsNotAUuid() {
        assertThat(run("runbook", "reject", "run-1", "--reason", "no", "--password", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("run-1");
    }

    @Test
    void shouldRefuseAConsoleUrlThatIsNotHttpHostPort() {
        assertThat(run("runbook", "status", "--console-url", "ftp://console", "--password", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("must be http(s)://host[:port]");
        assertThat(run("runbook", "status", "--console-url", "http://console:8086/api", "--password", "x"))
                .isEqualTo(2);
    }

    @Test
    void shouldRequireAPasswordBeforeCallingTheConsole() {
        assertThat(run("runbook", "status", "--password", "")).isEqualTo(2);
        assertThat(err.toString()).contains("no console password");
    }

    @Test
    void shouldRequireASubcommand() {
        assertThat(run("runbook")).isEqualTo(2);
        assertThat(err.toString()).contains("validate", "run", "approve", "abort");
    }

    @Test
    void shouldRefuseTrafficOutsideTheAcceptedRanges() {
        assertThat(run("traffic", "--rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be between 1 and 1000");
        assertThat(run("traffic", "--orders-share", "120")).isEqualTo(2);
        assertThat(run("traffic", "--duration", "soon")).isEqualTo(2);
        assertThat(run("traffic", "--gateway-url", "file:///etc")).isEqualTo(2);
    }

    @Test
    void shouldSendTheDecisionAndPrintTheConsolesProblem() throws IOException {
        List<String> bodies = new ArrayList<>();
        HttpServer console = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        console.createContext("/api/runs/", exchange -> {
            bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] problem = """
                    {"type":"/problems/run-conflict","status":409,"detail":"run is not waiting for an approval"}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(409, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
        });
        console.start();
        try {
            int exit = run("runbook", "approve", RUN_ID, "--reason", "looks good", "--console-url",
                    "http://127.0.0.1:" + console.getAddress().getPort(), "--password", "secret");

            assertThat(exit).isEqualTo(1);
            assertThat(bodies).singleElement().asString().contains("POST /api/runs/" + RUN_ID + "/approvals",
                    "\"decision\":\"APPROVE\"", "\"reason\":\"looks good\"");
            assertThat(err.toString()).contains("HTTP 409", "run is not waiting for an approval");
        } finally {
            console.stop(0);
        }
    }
}
