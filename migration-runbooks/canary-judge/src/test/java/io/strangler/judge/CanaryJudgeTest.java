package io.strangler.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CanaryJudgeTest {

    private final CanaryJudge judge = CanaryJudge.of(JudgePolicy.DEFAULT);

    @Test
    void shouldPassWhenBothSidesComeFromTheSameDistribution() {
        Judgement judgement = judge.judge(new Synthetic(1).canary(2_000, 1.0, 0.01, 0.01));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judgement.latencyPValue()).isGreaterThan(0.5);
        assertThat(judgement.errorPValue()).isGreaterThan(0.5);
        assertThat(judgement.reason()).contains("neither latency");
    }

    @Test
    void shouldFailWhenTheCandidateIsThirtyPercentSlower() {
        Judgement judgement = judge.judge(new Synthetic(2).canary(2_000, 1.3, 0.01, 0.01));

        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.reason()).contains("latency slower than legacy +10%");
        assertThat(judgement.latencyPValue()).isLessThan(0.001);
        assertThat(judgement.latencyEffectSize()).isGreaterThan(0.1);
        assertThat(judgement.candidate().latencyMedianMillis()).isGreaterThan(judgement.legacy().latencyMedianMillis() * 1.2);
    }

    @Test
    void shouldPassWhenTheCandidateIsSlowerOnlyWithinTheTolerance() {
        Judgement judgement = judge.judge(new Synthetic(3).canary(5_000, 1.05, 0.0, 0.0));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldPassWhenTheCandidateIsFaster() {
        Judgement judgement = judge.judge(new Synthetic(4).canary(2_000, 0.7, 0.0, 0.0));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
        assertThat(judgement.latencyEffectSize()).isNegative();
    }

    @Test
    void shouldFailWhenTheCandidateErrorRateIsClearlyHigher() {
        Judgement judgement = judge.judge(new Synthetic(5).canary(2_000, 1.0, 0.01, 0.06));

        assertThat(judgement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judgement.reason()).contains("error rate").doesNotContain("latency slower");
        assertThat(judgement.errorPValue()).isLessThan(0.001);
        assertThat(judgement.errorRateDifference()).isBetween(0.03, 0.07);
    }

    @Test
    void shouldFailWhenTheCandidateFailsEverythingAndLegacyNothing() {
        CanarySamples samples = new CanarySamples("catalog", Synthetic.FROM, Synthetic.TO,
                new Synthetic(6).backend(200, 1, 0.0), new Synthetic(7).backend(200, 1, 1.0));

        assertThat(judge.judge(samples).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldPassWhenTheErrorRateExcessStaysWithinTheTolerance() {
        Judgement judgement = judge.judge(new Synthetic(8).canary(2_000, 1.0, 0.010, 0.012));

        assertThat(judgement.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldBeInconclusiveWithTooFewSamplesOnOneSide() {
        CanarySamples samples = new CanarySamples("catalog", Synthetic.FROM, Synthetic.TO,
                new Synthetic(9).backend(5_000, 1, 0.0), new Synthetic(10).backend(99, 3.0, 0.5));

        Judgement judgement = judge.judge(samples);

        assertThat(judgement.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judgement.reason()).contains("candidate has 99 requests").doesNotContain("legacy has");
        assertThat(judgement.latencyPValue()).isNull();
        assertThat(judgement.errorPValue()).isNull();
    }

    @Test
    void shouldBeInconclusiveWhenRequestsAreThereButLatencySamplesAreNot() {
        CanarySamples samples = new CanarySamples("catalog", Synthetic.FROM, Synthetic.TO,
                new BackendSamples(1_000, 0, new double[0]), new Synthetic(11).backend(1_000, 1, 0.0));

        Judgement judgement = judge.judge(samples);

        assertThat(judgement.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judgement.reason()).contains("legacy has 1000 requests, 0 latency samples");
    }

    @Test
    void shouldKeepTheFailRateOnIdenticalDataWithinAlpha() {
        // no tolerance and no effect-size floor: only the tests' size protects identical backends
        JudgePolicy strict = JudgePolicy.DEFAULT.withTolerances(0, 0, 0);
        CanaryJudge strictJudge = CanaryJudge.of(strict);
        Synthetic synthetic = new Synthetic(42);
        int runs = 500;
        int fails = 0;
        for (int run = 0; run < runs; run++) {
            if (strictJudge.judge(synthetic.canary(300, 1.0, 0.05, 0.05)).verdict() == Verdict.FAIL) {
                fails++;
            }
        }
        double failRate = (double) fails / runs;

        // binomial(500, 0.05) has a standard deviation of ~0.01: alpha + 3 sd
        assertThat(failRate).isLessThanOrEqualTo(strict.alpha() + 0.03);
        // and the tests do reject sometimes: they are not vacuous
        assertThat(fails).isPositive();
    }

    @Test
    void shouldSerialiseTheJudgementWithItsEvidenceToJson() {
        Judgement judgement = judge.judge(new Synthetic(12).canary(500, 1.3, 0.0, 0.0));
        JsonMapper mapper = JsonMapper.builder().build();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(judgement));

        assertThat(json.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(json.get("routeId").asString()).isEqualTo("catalog");
        assertThat(json.get("legacy").get("requests").asLong()).isEqualTo(500);
        assertThat(json.get("candidate").get("latencyMedianMillis").asDouble()).isPositive();
        assertThat(json.get("latencyPValue").isNumber()).isTrue();
        assertThat(json.get("policy").get("alpha").asDouble()).isEqualTo(0.05);
        assertThat(mapper.readValue(mapper.writeValueAsString(judgement), Judgement.class)).isEqualTo(judgement);
    }
}
