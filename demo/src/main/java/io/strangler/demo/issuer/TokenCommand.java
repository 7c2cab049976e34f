package io.strangler.demo.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.strangler.demo.launch.LaunchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        Map<String, Object> issuer = readIssuer(runDir.resolve("issuer").resolve(DemoIssuer.FILE));
        try {
            RSAKey key = RSAKey.parse(JSONObjectUtils.getJSONObject(issuer, "key"));
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(JSONObjectUtils.getString(issuer, "issuer"))
                    .audience(JSONObjectUtils.getString(issuer, "audience")).subject(subject)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                    .jwtID(UUID.randomUUID().toString()).claim("scope", String.join(" ", scopes)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            spec.commandLine().getOut().println(jwt.serialize());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ParseException | JOSEException e) {
            throw new LaunchException("The demo issuer's file is damaged (" + e.getMessage() + "): restart the demo");
        }
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

    private static Map<String, Object> readIssuer(Path file) throws IOException {
        try {
            return JSONObjectUtils.parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new LaunchException("No running demo issuer (" + file + " does not exist): start the landscape"
                    + " first with './strangler demo' (with the same --run-dir), then ask for a token in another terminal");
        } catch (ParseException e) {
            throw new LaunchException("The demo issuer's file " + file + " is damaged: restart the demo");
        }
    }
}
