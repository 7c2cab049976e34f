package io.strangler.contracts;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.core.model.UrlSource;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.provider.junitsupport.loader.NoPactsFoundException;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads {@code pacts/<consumer>-<provider>.json} from the classpath, whether it lies in a folder or inside the
 * {@code shop-contracts} jar ({@code @PactFolder} only reads folders). Selected through {@link ShopPacts}.
 *
 * <p>Finding no pact for the provider is an error, never an empty (and so trivially passing) verification.
 */
public class ShopPactLoader implements PactLoader {

    /** The classpath folder the consumer tests write to and the jar carries. */
    public static final String FOLDER = "pacts";

    private final ClassLoader classLoader;
    private PactSource source = new UrlSource(FOLDER);

    public ShopPactLoader() {
        this(Thread.currentThread().getContextClassLoader());
    }

    /** The constructor Pact's runner calls with the test's annotation. */
    public ShopPactLoader(ShopPacts annotation) {
        this();
    }

    ShopPactLoader(ClassLoader classLoader) {
        this.classLoader = classLoader == null ? ShopPactLoader.class.getClassLoader() : classLoader;
    }

    @Override
    public List<Pact> load(String providerName) throws IOException {
        String resource = FOLDER + "/" + ShopContract.CONSUMER + "-" + providerName + ".json";
        List<URL> urls = Collections.list(classLoader.getResources(resource));
        if (urls.isEmpty()) {
            throw new NoPactsFoundException("No pact for provider '" + providerName + "' on the classpath at "
                    + resource + ": does the test depend on io.strangler:shop-contracts, built with its tests?");
        }
        List<Pact> pacts = new ArrayList<>();
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                source = new UrlSource(url.toString());
                pacts.add(DefaultPactReader.INSTANCE.pactFromJson(JsonParser.parseString(json).asObject(), source));
            }
        }
        return pacts;
    }

    @Override
    public PactSource getPactSource() {
        return source;
    }

    @Override
    public String description() {
        return "Classpath(" + FOLDER + "/" + ShopContract.CONSUMER + "-*.json)";
    }
}
