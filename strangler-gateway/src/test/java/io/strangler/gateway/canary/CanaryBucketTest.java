package io.strangler.gateway.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CanaryBucketTest {

    @Test
    void shouldPutEveryKeyInOneOfTenThousandBuckets() {
        IntStream.range(0, 5_000).mapToObj(i -> "customer-" + i)
                .forEach(key -> assertThat(CanaryBucket.of(key)).isBetween(0, 9_999));
    }

    @Test
    void shouldAlwaysPutTheSameKeyInTheSameBucket() {
        assertThat(CanaryBucket.of("customer-42")).isEqualTo(CanaryBucket.of("customer-42"));
    }

    @Test
    void shouldSendAboutPPercentOfKeysToNew() {
        int total = 20_000;
        long toNew = IntStream.range(0, total).filter(i -> CanaryBucket.goesToNew("customer-" + i, 2_500)).count();
        // 25 % ± 1.5 points: more than 6 standard deviations for 20,000 keys
        assertThat(toNew / (double) total).isBetween(0.235, 0.265);
    }

    @Test
    void shouldOnlyMoveKeysFromLegacyToNewWhenPercentRises() {
        for (int i = 0; i < 5_000; i++) {
            String key = "customer-" + i;
            boolean wasNew = false;
            for (int percentBuckets = 0; percentBuckets <= 10_000; percentBuckets += 500) {
                boolean isNew = CanaryBucket.goesToNew(key, percentBuckets);
                assertThat(!wasNew || isNew).as("key %s left new at %d", key, percentBuckets).isTrue();
                wasNew = isNew;
            }
            assertThat(wasNew).isTrue();
        }
    }

    @Test
    void shouldSendNoKeyToNewAtZeroPercent() {
        assertThat(IntStream.range(0, 5_000).anyMatch(i -> CanaryBucket.goesToNew("k" + i, 0))).isFalse();
    }
}
