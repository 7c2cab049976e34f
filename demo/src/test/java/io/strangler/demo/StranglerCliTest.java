package io.strangler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.strangler.demo.landscape.Landscape;
import io.strangler.demo.landscape.SeedSizes;
import io.strangler.demo.launch.DemoSettings;
import io.strangler.infra.InfraSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StranglerCliTest {

    private final List<DemoSettings> launched = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = StranglerCli.commandLine(Landscape.SERVICES, InfraSettings.of(env, Map.of()), settings -> {
            launched.add(settings);
            return 0;
        });
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void shouldStartTheLandscapeOnTheDesignPortsByDefault() {
        assertThat(run("demo")).isZero();

        DemoSettings settings = launched.get(0);
        assertThat(settings.servicePorts()).containsEntry("legacy-monolith", 8081)
                .containsEntry("strangler-gateway", 8080).containsEntry("cdc-sync", 8085);
        assertThat(settings.managementPorts()).containsExactly(Map.entry("strangler-gateway", 9080));
        assertThat(settings.postgresPort()).isEqualTo(54320);
        assertThat(settings.seed()).isEqualTo(new SeedSizes(true, SeedSizes.DEFAULT_PRODUCTS,
                SeedSizes.DEFAULT_CUSTOMERS, SeedSizes.DEFAULT_ORDERS));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.runDir()).isEqualTo(Path.of(".strangler/run").toAbsolutePath());
        assertThat(settings.externalPostgres()).isEmpty();
        assertThat(settings.externalKafka()).isEmpty();
    }

    @Test
    void shouldTakeEveryPortSeedSizeTimeoutAndRunFolderFromOptions() {
        assertThat(run("demo", "--legacy-port", "18081", "--postgres-port=15432",
                "--seed-products", "10", "--seed-customers", "2", "--seed-orders", "0", "--startup-timeout", "30",
                "--run-dir", "target/x")).isZero();

        DemoSettings settings = launched.get(0);
        assertThat(settings.servicePorts()).containsEntry("legacy-monolith", 18081);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.seed()).isEqualTo(new SeedSizes(true, 10, 2, 0));
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.runDir()).isEqualTo(Path.of("target/x").toAbsolutePath());
    }

    @Test
    void shouldTakeTheGatewaysManagementPortFromItsOption() {
        assertThat(run("demo", "--gateway-port", "18080", "--gateway-admin-port=19080")).isZero();

        assertThat(launched.get(0).servicePorts()).containsEntry("strangler-gateway", 18080);
        assertThat(launched.get(0).managementPorts()).containsEntry("strangler-gateway", 19080);
    }

    @Test
    void shouldRejectAManagementPortThatAnotherServerUses() {
        assertBadInput(run("demo", "--gateway-admin-port", "8081"),
                "Port 8081 is given to both --legacy-port and --gateway-admin-port");
        assertBadInput(run("demo", "--gateway-port", "9999", "--gateway-admin-port", "9999"),
                "Port 9999 is given to both --gateway-port and --gateway-admin-port");
        assertBadInput(run("demo", "--gateway-admin-port", "0"), "'--gateway-admin-port'", "out of range");
    }

    @Test
    void shouldTellTheLegacyShopNotToSeedWithNoSeed() {
        run("demo", "--no-seed");

        assertThat(launched.get(0).seed().legacyShopArguments()).containsExactly("--shop.seed.enabled=false");
    }

    @Test
    void shouldUseExternalServersFromTheEnvironmentAndLetTheirPortsBeReused() {
        int code = run(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/postgres",
                "SPRING_DATASOURCE_USERNAME", "admin", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
                "demo", "--postgres-port", "8081");

        assertThat(code).isZero();
        DemoSettings settings = launched.get(0);
        assertThat(settings.externalPostgres()).get().extracting(pg -> pg.username()).isEqualTo("admin");
        assertThat(settings.externalKafka()).contains("kafka:9092");
    }

    @Test
    void shouldListEveryServicePortOptionInTheHelp() {
        assertThat(run("demo", "--help")).isZero();

        assertThat(out.toString()).contains("--legacy-port=PORT", "default: 8081", "--postgres-port",
                "--seed-products", "--run-dir", "--gateway-port", "--gateway-admin-port=PORT", "default: 9080",
                "--cdc-port");
        assertThat(launched).isEmpty();
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        assertBadInput(run("demo", "--legacy-port", "http"),
                "Invalid value for option '--legacy-port'", "'http' is not a whole number (expected 1-65535)");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertBadInput(run("demo", "--postgres-port", "0"), "'--postgres-port'", "'0' is out of range (expected 1-65535)");
        assertBadInput(run("demo", "--cdc-port", "65536"), "'--cdc-port'", "out of range");
    }

    @Test
    void shouldRejectTheSamePortForTwoServers() {
        assertBadInput(run("demo", "--postgres-port", "8081"),
                "Port 8081 is given to both --legacy-port and --postgres-port");
    }

    @Test
    void shouldRejectSeedSizesTheLegacyShopWouldRefuse() {
        assertBadInput(run("demo", "--seed-orders", "-1"), "'--seed-orders'", "(expected 0-1000000)");
        assertBadInput(run("demo", "--seed-products", "1000000"), "'--seed-products'", "(expected 1-999999)");
        assertBadInput(run("demo", "--seed-customers", "0"), "'--seed-customers'", "(expected 1-1000000)");
        assertBadInput(run("demo", "--seed-customers", "many"), "'many' is not a whole number");
    }

    @Test
    void shouldRejectAStartupTimeoutOutOfRange() {
        assertBadInput(run("demo", "--startup-timeout", "1"), "'--startup-timeout'", "(expected 5-3600)");
    }

    @Test
    void shouldRejectAnEmptyRunFolder() {
        assertBadInput(run("demo", "--run-dir", ""), "--run-dir must not be empty");
    }

    @Test
    void shouldRejectAnOptionWithoutItsValue() {
        assertBadInput(run("demo", "--legacy-port"), "Missing required parameter for option '--legacy-port'");
    }

    @Test
    void shouldRejectAnOptionGivenTwice() {
        assertBadInput(run("demo", "--legacy-port", "1", "--legacy-port", "2"),
                "should be specified only once");
    }

    @Test
    void shouldSuggestTheRightOptionForAMisspeltOne() {
        assertBadInput(run("demo", "--legacy-prot", "18081"), "Unknown option", "--legacy-port");
    }

    @Test
    void shouldRejectUnexpectedArguments() {
        assertBadInput(run("demo", "now"), "Unmatched argument at index 1: 'now'");
    }

    @Test
    void shouldRejectAnUnknownOrMissingCommand() {
        assertBadInput(run("demon"), "Unmatched argument", "demo");
        assertBadInput(run(), "Missing command: use one of demo");
    }

    private void assertBadInput(int exitCode, String... messageParts) {
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains(messageParts).contains("--help' for the options.");
        assertThat(launched).isEmpty();
        err.getBuffer().setLength(0);
    }
}
