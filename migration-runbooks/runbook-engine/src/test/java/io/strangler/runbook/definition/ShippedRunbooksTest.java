package io.strangler.runbook.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every runbook shipped in {@code migration-runbooks/} validates against the schema. */
class ShippedRunbooksTest {

    private final RunbookLibrary library = new RunbookLibrary(Path.of(".."), new RunbookParser());

    @Test
    void shouldValidateEveryShippedRunbook() {
        List<RunbookLibrary.Entry> entries = library.list();

        assertThat(entries).extracting(RunbookLibrary.Entry::file)
                .contains("catalog.yaml", "orders.yaml", "retire-catalog.yaml");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.errors()).as(entry.file()).isEmpty());
    }

    @Test
    void shouldMoveTheCatalogThroughEveryStageWithAnApprovalBeforeNew() {
        Runbook catalog = new RunbookParser().parse("catalog.yaml", library.text("catalog.yaml").orElseThrow());

        List<String> modes = catalog.steps().filter(Steps.SetRoute.class::isInstance).map(Steps.SetRoute.class::cast)
                .map(s -> s.mode() + (s.mode().equals("CANARY") ? " " + s.percent().intValue() : "")).toList();
        assertThat(modes).containsExactly("SHADOW", "CANARY 5", "CANARY 25", "CANARY 50", "NEW");
        List<String> kinds = catalog.steps().map(Step::kind).toList();
        assertThat(kinds.indexOf("approval")).isLessThan(kinds.lastIndexOf("set-route"));
        assertThat(catalog.capabilities().get(0).rollback()).isNotEmpty();
    }

    @Test
    void shouldMoveTheCatalogBeforeOrders() {
        Runbook orders = new RunbookParser().parse("orders.yaml", library.text("orders.yaml").orElseThrow());

        assertThat(orders.capabilities()).extracting(Runbook.Capability::name).containsExactly("catalog", "orders");
    }

    @Test
    void shouldNotServeFilesOutsideTheFolder() {
        assertThat(library.text("../pom.xml")).isEmpty();
        assertThat(library.text("runbook-engine/pom.xml")).isEmpty();
    }
}
