package io.strangler.runbook.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookParserTest {

    private final RunbookParser parser = new RunbookParser();

    private static final String VALID = """
            name: demo-cutover
            capabilities:
              - name: catalog
                steps:
                  - id: parity
                    kind: check-parity
                    table: products
                  - id: shadow
                    kind: set-route
                    route: catalog
                    mode: SHADOW
                    percent: 50
                  - id: gate
                    kind: gate-shadow
                    route: catalog
                    maxMismatchRate: 0.01
                    minCompared: 100
                    window: 2m
                  - id: ok
                    kind: approval
                    role: OPERATOR
                    prompt: go?
                  - id: soak
                    kind: wait
                    duration: 30s
                rollback:
                  - id: back
                    kind: set-route
                    route: catalog
                    mode: LEGACY
            """;

    @Test
    void shouldReadEveryFieldOfAValidRunbookWithDefaults() {
        Runbook runbook = parser.parse("demo.yaml", VALID);

        assertThat(runbook.name()).isEqualTo("demo-cutover");
        List<Step> steps = runbook.capabilities().get(0).steps();
        assertThat(steps).extracting(Step::kind)
                .containsExactly("check-parity", "set-route", "gate-shadow", "approval", "wait");
        assertThat(steps.get(0)).isEqualTo(new Steps.ParityCheck("parity", null, "products", 100.0, 1,
                Duration.ofSeconds(5), Steps.DEFAULT_TIMEOUT));
        assertThat(((Steps.SetRoute) steps.get(1)).percent()).isEqualTo(50.0);
        assertThat(((Steps.ShadowGate) steps.get(2)).window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(((Steps.Wait) steps.get(4)).duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(runbook.capabilities().get(0).rollback()).hasSize(1);
    }

    @Test
    void shouldRefuseTextThatIsNotYamlNamingTheLine() {
        assertThat(errors("name: x\ncapabilities: [\n  - {")).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("not valid YAML");
            assertThat(error.line()).isGreaterThan(1);
        });
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThat(errors("  \n")).singleElement().satisfies(error -> assertThat(error.message()).contains("empty"));
    }

    @Test
    void shouldRefuseAMissingRequiredFieldNamingTheFieldAndLine() {
        String yaml = VALID.replaceAll("(?m)^ *table: products\n", "");
        assertThat(errors(yaml)).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("$.capabilities[0].steps[0]");
            assertThat(error.message()).contains("table");
            assertThat(error.line()).isEqualTo(5);
        });
    }

    @Test
    void shouldRefuseAnUnknownKindListingTheAcceptedOnes() {
        String yaml = VALID.replace("kind: wait", "kind: sleep");
        assertThat(errors(yaml)).anySatisfy(error -> {
            assertThat(error.path()).isEqualTo("$.capabilities[0].steps[4].kind");
            assertThat(error.message()).contains("check-parity", "gate-canary", "wait");
            assertThat(error.line()).isEqualTo(24);
        });
    }

    @Test
    void shouldRefuseAnUnknownModeListingTheAcceptedOnes() {
        String yaml = VALID.replace("mode: SHADOW", "mode: DARK");
        assertThat(errors(yaml)).anySatisfy(error -> {
            assertThat(error.path()).isEqualTo("$.capabilities[0].steps[1].mode");
            assertThat(error.message()).contains("LEGACY", "SHADOW", "CANARY", "NEW");
        });
    }

    @Test
    void shouldRefuseAPercentOutOfRange() {
        assertThat(errors(VALID.replace("percent: 50", "percent: 150")))
                .anySatisfy(error -> assertThat(error.path()).isEqualTo("$.capabilities[0].steps[1].percent"));
    }

    @Test
    void shouldRequireAPercentInCanaryAndShadow() {
        assertThat(errors(VALID.replaceAll("(?m)^ *percent: 50\n", "")))
                .anySatisfy(error -> assertThat(error.message()).contains("percent"));
    }

    @Test
    void shouldRefuseAFieldTheKindDoesNotHave() {
        String yaml = VALID.replace("duration: 30s", "duration: 30s\n        route: catalog");
        assertThat(errors(yaml)).anySatisfy(error -> {
            assertThat(error.path()).startsWith("$.capabilities[0].steps[4]");
            assertThat(error.message()).contains("route");
        });
    }

    @Test
    void shouldRefuseABadDurationSayingWhatIsAccepted() {
        assertThat(errors(VALID.replace("duration: 30s", "duration: half a minute")))
                .anySatisfy(error -> assertThat(error.path()).isEqualTo("$.capabilities[0].steps[4].duration"));
    }

    @Test
    void shouldRefuseAWrongType() {
        assertThat(errors(VALID.replace("minCompared: 100", "minCompared: many")))
                .anySatisfy(error -> {
                    assertThat(error.path()).isEqualTo("$.capabilities[0].steps[2].minCompared");
                    assertThat(error.message()).contains("integer");
                });
    }

    @Test
    void shouldRefuseAGateInTheRollbackSection() {
        String yaml = VALID.replace("""
                      - id: back
                        kind: set-route
                        route: catalog
                        mode: LEGACY
                """, """
                      - id: back
                        kind: approval
                        role: OPERATOR
                        prompt: roll back?
                """);
        assertThat(errors(yaml)).anySatisfy(error -> assertThat(error.path()).isEqualTo("$.capabilities[0].rollback[0].kind"));
    }

    @Test
    void shouldRefuseTheSameStepIdTwice() {
        assertThat(errors(VALID.replace("id: soak", "id: parity"))).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("'parity'", "unique");
            assertThat(error.line()).isEqualTo(23);
        });
    }

    @Test
    void shouldRefuseARunbookWithoutCapabilities() {
        assertThat(errors("name: empty\ncapabilities: []\n")).singleElement()
                .satisfies(error -> assertThat(error.path()).isEqualTo("$.capabilities"));
    }

    private List<RunbookError> errors(String yaml) {
        InvalidRunbookException refused = (InvalidRunbookException) catchRefusal(yaml);
        return refused.errors();
    }

    private Throwable catchRefusal(String yaml) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> parser.parse("test.yaml", yaml)).isInstanceOfSatisfying(InvalidRunbookException.class,
                e -> thrown[0] = e);
        return thrown[0];
    }
}
