package io.strangler.demo.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the user sees while the landscape starts and stops: one line per step, the name in a fixed column. */
final class Progress {

    private static final int NAME_WIDTH = 16;

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    /** Runs {@code step}, then prints what it gave and how long it took. */
    <T> T timed(String name, Supplier<T> step, Function<T, String> describe) {
        long started = System.nanoTime();
        T result = step.get();
        info(name, describe.apply(result) + " in " + seconds(System.nanoTime() - started) + " s");
        return result;
    }

    synchronized void info(String name, String text) {
        out.printf("  %-" + NAME_WIDTH + "s %s%n", name, text);
        out.flush();
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    void failed(String name, String reason, Path log, List<String> lastLines) {
        synchronized (this) {
            info(name, "failed: " + reason);
            if (lastLines.isEmpty()) {
                out.println("    (" + log + " is empty)");
            } else {
                out.println("    last lines of " + log + ":");
                lastLines.forEach(l -> out.println("    | " + l));
            }
            out.flush();
        }
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
