package io.strangler.cdc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Bench only: the CPU time all processes of this machine spent, from Linux's {@code /proc/stat} (user, nice, system,
 * irq, softirq and steal of all cores, in the kernel's 100 ticks per second). The bench runs every part of both lanes
 * on this machine (PostgreSQL, Kafka, Debezium, the appliers, pgbench), so the difference over a run is what that run
 * cost the machine, everything included.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    private static final double TICKS_PER_SECOND = 100;

    private MachineCpu() {
    }

    /** The busy CPU seconds since boot, summed over all cores; empty where there is no {@code /proc/stat}. */
    static OptionalDouble busySeconds() {
        if (!Files.isReadable(STAT)) {
            return OptionalDouble.empty();
        }
        try (var lines = Files.lines(STAT)) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            if (fields.length < 9 || !fields[0].equals("cpu")) {
                return OptionalDouble.empty();
            }
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system (idle iowait) irq softirq steal
                busy += Long.parseLong(fields[i]);
            }
            return OptionalDouble.of(busy / TICKS_PER_SECOND);
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
