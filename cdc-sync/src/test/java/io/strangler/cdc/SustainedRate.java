package io.strangler.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Bench only: the highest fixed rate a pipeline keeps up with, found by bisection. The range's low end is taken as kept
 * up and its high end as not, untested; each step offers the middle rate (rounded to 100/s) for a while and narrows
 * the range by its outcome, until it is no wider than the resolution. The result is the highest rate kept up with,
 * with whether it was measured or only assumed (no step kept up) and whether the high end was never reached.
 */
final class SustainedRate {

    /** One offered rate and whether the pipeline kept up with it, with what it measured, for the report. */
    record Step(int rate, boolean keptUp, String evidence) {
    }

    private final int resolution;
    private final List<Step> steps = new ArrayList<>();
    private int keptUp;
    private int fellBehind;

    /**
     * @param low        a rate assumed kept up with (not tested), at least 100
     * @param high       a rate assumed too high (not tested), above {@code low}
     * @param resolution the width of range at which the search stops, at least 100
     */
    SustainedRate(int low, int high, int resolution) {
        if (low < 100 || high <= low || resolution < 100) {
            throw new IllegalArgumentException("sustained-rate search needs 100 <= low < high and a resolution of at "
                    + "least 100 (was " + low + ".." + high + " by " + resolution + ")");
        }
        this.keptUp = low;
        this.fellBehind = high;
        this.resolution = resolution;
    }

    /** Parses {@code low-high}, e.g. {@code 2000-16000}. */
    static SustainedRate parse(String range, int resolution) {
        String[] ends = range.strip().split("-");
        if (ends.length != 2 || !ends[0].matches("\\d{3,6}") || !ends[1].matches("\\d{3,6}")) {
            throw new IllegalArgumentException("bench.sustain-range must be low-high changes/s, e.g. 2000-16000 (was '"
                    + range + "')");
        }
        return new SustainedRate(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]), resolution);
    }

    /** The next rate to offer, or empty once the range is narrow enough. */
    OptionalInt next() {
        if (fellBehind - keptUp <= resolution) {
            return OptionalInt.empty();
        }
        int middle = (int) Math.round((keptUp + fellBehind) / 200.0) * 100;
        return middle <= keptUp || middle >= fellBehind ? OptionalInt.empty() : OptionalInt.of(middle);
    }

    void record(Step step) {
        steps.add(step);
        if (step.keptUp()) {
            keptUp = Math.max(keptUp, step.rate());
        } else {
            fellBehind = Math.min(fellBehind, step.rate());
        }
    }

    /** The highest rate kept up with so far (the range's low end while no step kept up). */
    int sustained() {
        return keptUp;
    }

    /** Whether {@link #sustained()} was measured by a step rather than assumed as the range's low end. */
    boolean measured() {
        return steps.stream().anyMatch(Step::keptUp);
    }

    /** Whether a step fell behind: otherwise the pipeline may sustain more than the range's high end. */
    boolean limitFound() {
        return steps.stream().anyMatch(s -> !s.keptUp());
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
