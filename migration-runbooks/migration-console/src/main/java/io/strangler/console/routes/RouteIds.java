package io.strangler.console.routes;

import io.strangler.console.problem.InvalidInput;
import java.util.regex.Pattern;

/** The one shape of a route id (shared with the gateway and the flag service): lower-case letters, digits, '-'. */
public final class RouteIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private RouteIds() {
    }

    /** The id, or a 400 naming the field when it cannot be a route id. */
    public static String checked(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw InvalidInput.of(field, "must be a route id (lower-case letters, digits and '-', at most 64), got '"
                    + id + "'");
        }
        return id;
    }
}
