package io.strangler.demo.issuer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./strangler token --sub alice --scope shop}: prints a bearer token for the running demo, signed by its
 * {@link DemoIssuer}'s key. Fails when the demo is not running (no issuer file).
 */
@Command(name = "token", usageHelpAutoWidth = true,
        description = {"Print a bearer token for the running demo landscape, signed by its issuer.",
                "Use it as: curl -H \"Authorization: Bearer $(./strangler token --sub alice --scope shop)\" "
                        + "http://localhost:8080/api/orders"})
public final class TokenCommand implements Callable<Integer> {

    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,254}");
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    @Spec
    private CommandSpec spec;

    @Option(names = "--sub", required = true, paramLabel = "SUBJECT", description = "Who the token is for (its 'sub').")
    private String subject;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "A scope to grant (repeat for more), e.g. shop.")
    private List<String> scopes = List.of();

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "How long the token is valid, ISO-8601 (default: ${DEFAULT-VALUE}; at most PT24H).")
    private Duration ttl;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".strangler/run",
            description = "The running demo's run folder (default: ${DEFAULT-VALUE}).")
    private Path runDir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws IOException {
        validate();
        spec.commandLine().getOut().println(DemoTokens.sign(runDir, subject, scopes, ttl));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void validate() {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new ParameterException(spec.commandLine(), "--sub must be 1-255 printable ASCII characters, got '"
                    + subject + "'");
        }
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw new ParameterException(spec.commandLine(), "--scope '" + scope
                        + "' is not one scope (printable ASCII, no spaces or quotes); repeat --scope for several");
            }
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(24)) > 0) {
            throw new ParameterException(spec.commandLine(), "--ttl must be more than 0 and at most PT24H, got " + ttl);
        }
    }
}
