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

/** Bearer tokens signed by the running demo's {@link DemoIssuer} (its key file in the run folder). */
public final class DemoTokens {

    private DemoTokens() {
    }

    /** Whether a demo issuer runs from {@code runDir} (its key file exists). */
    public static boolean issuerRunning(Path runDir) {
        return Files.isRegularFile(issuerFile(runDir));
    }

    /**
     * Signs a token for {@code subject} with {@code scopes}, valid for {@code ttl} from now.
     *
     * @throws LaunchException when no demo issuer runs from {@code runDir}, or its file is damaged
     */
    public static String sign(Path runDir, String subject, List<String> scopes, Duration ttl) throws IOException {
        Map<String, Object> issuer = readIssuer(issuerFile(runDir));
        try {
            RSAKey key = RSAKey.parse(JSONObjectUtils.getJSONObject(issuer, "key"));
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(JSONObjectUtils.getString(issuer, "issuer"))
                    .audience(JSONObjectUtils.getString(issuer, "audience")).subject(subject)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                    .jwtID(UUID.randomUUID().toString()).claim("scope", String.join(" ", scopes)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new LaunchException("The demo issuer's file is damaged (" + e.getMessage() + "): restart the demo");
        }
    }

    private static Path issuerFile(Path runDir) {
        return runDir.resolve("issuer").resolve(DemoIssuer.FILE);
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
