package io.strangler.demo.runbook;

import io.strangler.runbook.definition.InvalidRunbookException;
import io.strangler.runbook.definition.Runbook;
import io.strangler.runbook.definition.RunbookError;
import io.strangler.runbook.definition.RunbookParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./strangler runbook validate|run|status|approve|reject|abort}: runbooks checked offline, and runs driven
 * through the migration console's API.
 */
@Command(mixinStandardHelpOptions = true, name = "runbook", usageHelpAutoWidth = true, header = "Validate, run and follow runbooks.",
        description = "'validate' works offline; the other commands talk to the migration console (--console-url).",
        subcommands = {RunbookCommand.Validate.class, RunbookCommand.Run.class, RunbookCommand.Status.class,
                RunbookCommand.Approve.class, RunbookCommand.Reject.class, RunbookCommand.Abort.class})
public final class RunbookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: use one of " + spec.subcommands().keySet());
    }

    static Runbook readValid(CommandSpec spec, Path file) {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no runbook file " + file);
        }
        try {
            return new RunbookParser().parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e);
        } catch (InvalidRunbookException invalid) {
            err.println("error: " + file + " is not a valid runbook:");
            for (RunbookError error : invalid.errors()) {
                err.println("  " + error);
            }
            err.flush();
            return null;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "validate", header = "Check a runbook against the schema (offline).")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The runbook (YAML).")
        Path file;

        @Override
        public Integer call() {
            Runbook runbook = readValid(spec, file);
            if (runbook == null) {
                return 1;
            }
            spec.commandLine().getOut().printf("ok: %s is a valid runbook '%s': %d capabilities, %d steps%n", file,
                    runbook.name(), runbook.capabilities().size(), runbook.steps().count());
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "run", header = "Start a runbook in the console and follow it until it ends.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConsoleOptions console;

        @Parameters(paramLabel = "FILE", description = "The runbook (YAML); validated here first.")
        Path file;

        @Option(names = "--no-follow", description = "Print the run id and return instead of following the run.")
        boolean noFollow;

        @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.class,
                description = "How often to ask the console while following (default: ${DEFAULT-VALUE}).")
        Duration poll;

        @Override
        public Integer call() throws InterruptedException {
            if (readValid(spec, file) == null) {
                return 1;
            }
            ConsoleClient client = console.client(spec);
            Map<String, String> body = new LinkedHashMap<>();
            body.put("source", file.getFileName().toString());
            body.put("yaml", read(file));
            JsonNode run = client.post("/api/runs", body);
            String id = run.path("id").asString();
            PrintWriter out = spec.commandLine().getOut();
            out.println("run " + id + " of " + run.path("runbook").asString() + " started by "
                    + run.path("startedBy").asString());
            out.flush();
            return noFollow ? 0 : Follow.follow(client, id, poll, out);
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "status", header = "List runs, or show one run's steps.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConsoleOptions console;

        @Parameters(paramLabel = "RUN-ID", arity = "0..1", description = "A run id; without it, the latest runs.")
        UUID id;

        @Option(names = "--follow", description = "Keep printing the run's progress until it ends.")
        boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            ConsoleClient client = console.client(spec);
            PrintWriter out = spec.commandLine().getOut();
            if (id == null) {
                for (JsonNode run : client.get("/api/runs")) {
                    out.printf("%s  %-20s %-12s %s%n", run.path("id").asString(), run.path("runbook").asString(),
                            run.path("state").asString(), run.path("current").path("stepId").asString(""));
                }
                out.flush();
                return 0;
            }
            if (follow) {
                return Follow.follow(client, id.toString(), Duration.ofSeconds(1), out);
            }
            new RunProgress(out).update(client.get("/api/runs/" + id));
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "approve", header = "Approve the approval step a run waits at.")
    static final class Approve extends Decision {
        Approve() {
            super("APPROVE");
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "reject", header = "Reject the approval step a run waits at (the run rolls back).")
    static final class Reject extends Decision {
        Reject() {
            super("REJECT");
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "abort", header = "Abort a run: it rolls back, last capability first.")
    static final class Abort extends RunAction {
        @Override
        String act(ConsoleClient client) {
            client.post("/api/runs/" + id + "/abort", Map.of("reason", reason));
            return "abort requested; follow with ./strangler runbook status " + id + " --follow";
        }
    }

    abstract static class Decision extends RunAction {
        private final String decision;

        Decision(String decision) {
            this.decision = decision;
        }

        @Override
        String act(ConsoleClient client) {
            JsonNode run = client.post("/api/runs/" + id + "/approvals", Map.of("decision", decision, "reason", reason));
            return (decision.equals("APPROVE") ? "approved" : "rejected") + "; run " + id + " is " + run.path("state").asString();
        }
    }

    /** What approve, reject and abort have in common: one run, a reason the console keeps, one line of answer. */
    abstract static class RunAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConsoleOptions console;

        @Parameters(paramLabel = "RUN-ID", description = "The run.")
        UUID id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept with the run).")
        String reason;

        /** Asks the console to act on the run; returns what to tell the user. */
        abstract String act(ConsoleClient client);

        @Override
        public Integer call() {
            Reasons.require(spec, reason);
            spec.commandLine().getOut().println(act(console.client(spec)));
            return 0;
        }
    }
}
