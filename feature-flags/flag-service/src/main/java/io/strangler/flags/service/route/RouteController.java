package io.strangler.flags.service.route;

import io.strangler.flags.client.RouteState;
import java.security.Principal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/routes")
class RouteController {

    private static final Pattern STRONG_ETAG = Pattern.compile("\"(\\d{1,18})\"");

    private final RouteChanges changes;

    RouteController(RouteChanges changes) {
        this.changes = changes;
    }

    @GetMapping
    List<RouteState> list() {
        return changes.all();
    }

    @GetMapping("/{id}")
    ResponseEntity<RouteState> get(@PathVariable String id) {
        RouteState state = changes.current(id);
        return ResponseEntity.ok().eTag(etag(state)).body(state);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RouteState> change(@PathVariable String id,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @RequestBody RouteChange change, Principal principal) {
        changes.current(id); // an unknown route is a 404 whatever the headers say
        long expectedVersion = expectedVersion(ifMatch);
        RouteState state = changes.change(id, expectedVersion, change, principal.getName(), ChangeChannel.API);
        return ResponseEntity.ok().eTag(etag(state)).body(state);
    }

    static String etag(RouteState state) {
        return "\"" + state.version() + "\"";
    }

    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new MalformedIfMatchException(ifMatch);
        }
        return Long.parseLong(matcher.group(1));
    }
}
