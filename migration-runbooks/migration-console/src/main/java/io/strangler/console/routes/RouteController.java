package io.strangler.console.routes;

import io.strangler.console.peers.FlagService;
import io.strangler.console.peers.GatewayManagement;
import io.strangler.console.peers.PeerException;
import io.strangler.console.problem.InvalidInput;
import java.security.Principal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes with their mode and percentage (flag service) and the live traffic split (gateway, last minute); shifting a
 * route goes through the flag service's API, with the version it was shown at ({@code If-Match}) and a reason.
 */
@RestController
@RequestMapping("/api/routes")
class RouteController {

    static final Duration TRAFFIC_WINDOW = Duration.ofMinutes(1);
    private static final Pattern STRONG_ETAG = Pattern.compile("\"(\\d{1,18})\"");

    private final FlagService flags;
    private final GatewayManagement gateway;

    RouteController(FlagService flags, GatewayManagement gateway) {
        this.flags = flags;
        this.gateway = gateway;
    }

    @GetMapping
    ArrayNode routes() {
        ArrayNode routes = JsonNodeFactory.instance.arrayNode();
        for (JsonNode route : flags.routes()) {
            ObjectNode view = ((ObjectNode) route).deepCopy();
            view.set("traffic", traffic(route.path("routeId").asString()));
            routes.add(view);
        }
        return routes;
    }

    /** Requests served by each side over the last minute; a gateway that is down or lacks the route gives an error. */
    private ObjectNode traffic(String routeId) {
        ObjectNode traffic = JsonNodeFactory.instance.objectNode();
        traffic.put("window", TRAFFIC_WINDOW.toString());
        try {
            JsonNode comparison = gateway.comparison(routeId, TRAFFIC_WINDOW, 0);
            long legacy = comparison.path("backends").path("legacy").path("count").asLong();
            long fresh = comparison.path("backends").path("new").path("count").asLong();
            traffic.put("legacy", legacy);
            traffic.put("new", fresh);
            traffic.put("newShare", legacy + fresh == 0 ? 0 : (double) fresh / (legacy + fresh));
        } catch (PeerException unavailable) {
            traffic.put("error", unavailable.getMessage());
        }
        return traffic;
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    JsonNode shift(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                   @RequestBody RouteShift shift, Principal user) {
        RouteIds.checked("id", id);
        long version = version(ifMatch);
        return flags.change(id, version, shift.toFlagChange(user.getName()));
    }

    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidInput(428, "precondition-required", "Send If-Match: \"<version>\" with the version of the "
                    + "route you saw, so that a change made meanwhile by someone else is not overwritten");
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw InvalidInput.of("If-Match", "must be one strong ETag such as \"7\", got " + ifMatch);
        }
        return Long.parseLong(matcher.group(1));
    }
}
