package io.strangler.runbook.http;

import io.strangler.runbook.port.PortException;
import io.strangler.runbook.port.ServiceHealth;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ServiceHealth} from each service's actuator health URL ({@code status} of its JSON). */
public final class ActuatorHealth implements ServiceHealth {

    private final Map<String, JsonHttp> services = new LinkedHashMap<>();
    private final Map<String, URI> urls;

    /** @param urls health URL per service name, e.g. {@code catalog-service -> http://localhost:8082/actuator/health} */
    public ActuatorHealth(Map<String, URI> urls, Duration timeout) {
        this.urls = Map.copyOf(urls);
        urls.forEach((name, url) -> services.put(name, new JsonHttp(name, url, null, null, timeout)));
    }

    @Override
    public String status(String service) {
        JsonHttp http = services.get(service);
        if (http == null) {
            throw new IllegalArgumentException("no health URL for service '" + service + "'; configured: "
                    + services.keySet());
        }
        try {
            return http.get(urls.get(service).getRawPath()).body().path("status").asString("UNKNOWN");
        } catch (PortException unreachable) {
            return "UNREACHABLE";
        }
    }

    @Override
    public boolean knows(String service) {
        return services.containsKey(service);
    }
}
