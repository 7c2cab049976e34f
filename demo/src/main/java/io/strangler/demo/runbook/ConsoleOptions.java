package io.strangler.demo.runbook;

import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Where the console is and who talks to it: shared by every {@code runbook} subcommand that calls it. */
final class ConsoleOptions {

    @Option(names = "--console-url", paramLabel = "URL", defaultValue = "${env:STRANGLER_CONSOLE_URL:-http://localhost:8086}",
            converter = HttpUrl.class, description = "The migration console (default: ${DEFAULT-VALUE}, env STRANGLER_CONSOLE_URL).")
    URI consoleUrl;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:STRANGLER_CONSOLE_USER:-operator}",
            description = "Console account (default: ${DEFAULT-VALUE}, env STRANGLER_CONSOLE_USER).")
    String user;

    @Option(names = "--password", paramLabel = "SECRET", defaultValue = "${env:STRANGLER_CONSOLE_PASSWORD}",
            description = "Its password (env STRANGLER_CONSOLE_PASSWORD; the demo prints the operator's).")
    String password;

    ConsoleClient client(CommandSpec spec) {
        if (password == null || password.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "no console password: give --password or set STRANGLER_CONSOLE_PASSWORD");
        }
        return new ConsoleClient(consoleUrl, user, password);
    }

    /** {@code http(s)://host[:port]}, nothing else. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a URL; expected http://host:port");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                    || uri.getQuery() != null) {
                throw new TypeConversionException("'" + value + "' must be http(s)://host[:port], e.g. "
                        + "http://localhost:8086");
            }
            return URI.create(uri.getScheme() + "://" + uri.getAuthority() + "/");
        }
    }
}
