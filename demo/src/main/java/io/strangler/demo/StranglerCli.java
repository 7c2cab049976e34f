package io.strangler.demo;

import io.strangler.demo.issuer.TokenCommand;
import io.strangler.demo.landscape.Landscape;
import io.strangler.demo.landscape.ServiceSpec;
import io.strangler.demo.launch.DemoCommand;
import io.strangler.demo.launch.LandscapeLauncher;
import io.strangler.demo.launch.LaunchException;
import io.strangler.demo.launch.Launcher;
import io.strangler.demo.runbook.RunbookCommand;
import io.strangler.demo.runbook.ConsoleException;
import io.strangler.demo.traffic.TrafficCommand;
import io.strangler.infra.InfraSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./strangler}: the command line of the toolkit. One subcommand per task ({@code demo}, {@code token}); each
 * subcommand is a picocli command added in {@link #commandLine}.
 */
@Command(name = "strangler", usageHelpAutoWidth = true,
        description = "The Strangler toolkit's command line. Run './strangler <command> --help' for a command's options.")
public final class StranglerCli implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public static void main(String[] args) {
        System.exit(commandLine(Landscape.SERVICES, InfraSettings.fromProcess(), new LandscapeLauncher())
                .execute(args));
    }

    /** The whole command line; {@code launcher} runs {@code demo} (tests pass one that records its settings). */
    public static CommandLine commandLine(List<ServiceSpec> services, InfraSettings infra, Launcher launcher) {
        CommandLine cli = new CommandLine(new StranglerCli());
        cli.addSubcommand("demo", DemoCommand.command(services, infra, launcher));
        cli.addSubcommand("jars", new CommandLine(new JarsCommand(services)));
        cli.addSubcommand("token", new CommandLine(new TokenCommand()));
        cli.addSubcommand("runbook", new CommandLine(new RunbookCommand()));
        cli.addSubcommand("traffic", new CommandLine(new TrafficCommand()));
        cli.setParameterExceptionHandler(StranglerCli::reportBadInput);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> reportFailure(e, commandLine));
        return cli;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: use one of "
                + String.join(", ", spec.subcommands().keySet().stream()
                        .filter(name -> !spec.subcommands().get(name).getCommandSpec().usageMessage().hidden())
                        .toList()));
    }

    private static int reportBadInput(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName(" ").replaceFirst("^strangler", "./strangler")
                + " --help' for the options.");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int reportFailure(Exception e, CommandLine cli) {
        PrintWriter err = cli.getErr();
        if (e instanceof LaunchException || e instanceof ConsoleException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return cli.getCommandSpec().exitCodeOnExecutionException();
    }
}
