package io.strangler.flags.service.route;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code strangler.flags.routes[n]}: the routes whose mode this service owns. Ids are shared with the gateway's route
 * table; a route that is not declared here does not exist for the API (404).
 *
 * @param routes the declared routes, in display order
 */
@Validated
@ConfigurationProperties("strangler.flags")
public record RoutesProperties(@NotEmpty List<@Valid Route> routes) {

    /**
     * One declared route.
     *
     * @param id          lower-case id, e.g. {@code catalog}
     * @param description what the route covers, shown in the consoles (optional)
     */
    public record Route(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,62}",
            message = "must be lower-case letters, digits and '-', starting with a letter") String id,
                        String description) {

        public Route {
            description = description == null ? "" : description;
        }
    }

    public RoutesProperties {
        long distinct = routes == null ? 0 : routes.stream().map(Route::id).distinct().count();
        if (routes != null && distinct != routes.size()) {
            throw new IllegalArgumentException("strangler.flags.routes declares the same id twice: " + routes);
        }
    }

    /** The declared route with this id. */
    public Optional<Route> find(String id) {
        return routes.stream().filter(route -> route.id().equals(id)).findFirst();
    }
}
