package io.strangler.gateway.shadow;

import java.util.ArrayList;
import java.util.List;

/**
 * The small JSON path subset used by ignore rules and reports: {@code $}, {@code .name}, {@code ['name']},
 * {@code [3]}, {@code [*]}, {@code .*} and recursive descent {@code ..name}. A path is a list of segments; {@code *}
 * matches any one segment and {@code **} (from {@code ..}) any number.
 */
final class JsonPath {

    static final String ANY = "*";
    static final String ANY_DEPTH = "**";

    private JsonPath() {
    }

    /** Parses a JSON path expression; throws {@link IllegalArgumentException} with the position at fault. */
    static List<String> parse(String expression) {
        if (!expression.startsWith("$")) {
            throw new IllegalArgumentException("JSON path must start with $: " + expression);
        }
        List<String> segments = new ArrayList<>();
        int i = 1;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (expression.startsWith("..", i)) {
                segments.add(ANY_DEPTH);
                i += 1; // the name follows like after a single dot
            } else if (c == '.') {
                int end = nextDelimiter(expression, i + 1);
                if (end == i + 1) {
                    throw new IllegalArgumentException("empty name at position " + i + " in " + expression);
                }
                segments.add(expression.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = expression.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ at position " + i + " in " + expression);
                }
                String inner = expression.substring(i + 1, close).trim();
                segments.add(inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2
                        ? inner.substring(1, inner.length() - 1) : inner);
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i + " in " + expression);
            }
        }
        return List.copyOf(segments);
    }

    /** Segments of an RFC 6901 JSON pointer such as {@code /items/0/price}. */
    static List<String> fromPointer(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            segments.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** {@code $.items[0].price}: numeric segments render as indexes. */
    static String render(List<String> segments) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : segments) {
            if (isIndex(segment) || ANY.equals(segment)) {
                path.append('[').append(segment).append(']');
            } else if (segment.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                path.append('.').append(segment);
            } else {
                path.append("['").append(segment).append("']");
            }
        }
        return path.toString();
    }

    /** Array indexes replaced by {@code *}: differences in the 1st and the 7th item count as one path. */
    static List<String> normalize(List<String> segments) {
        return segments.stream().map(segment -> isIndex(segment) ? ANY : segment).toList();
    }

    /** Whether the pattern matches the path or one of its ancestors (ignoring {@code $.a} ignores {@code $.a.b}). */
    static boolean covers(List<String> pattern, List<String> path) {
        return covers(pattern, 0, path, 0);
    }

    private static boolean covers(List<String> pattern, int p, List<String> path, int s) {
        if (p == pattern.size()) {
            return true;
        }
        String segment = pattern.get(p);
        if (ANY_DEPTH.equals(segment)) {
            for (int skip = s; skip <= path.size(); skip++) {
                if (covers(pattern, p + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (s == path.size()) {
            return false;
        }
        boolean same = ANY.equals(segment) || segment.equals(path.get(s));
        return same && covers(pattern, p + 1, path, s + 1);
    }

    private static int nextDelimiter(String expression, int from) {
        int i = from;
        while (i < expression.length() && expression.charAt(i) != '.' && expression.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }
}
