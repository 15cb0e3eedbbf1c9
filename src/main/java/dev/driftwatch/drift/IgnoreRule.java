package dev.driftwatch.drift;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One line of a {@code .driftignore}: {@code type.id} ignores a whole resource, {@code type.id.attribute.path}
 * only that attribute (and everything below it) of a changed resource. {@code *} matches any run of
 * characters within a segment; a negated rule un-ignores what earlier rules ignored.
 *
 * @param origin  where the rule was written, e.g. {@code /etc/driftwatch/.driftignore:12}, for messages
 * @param account account the rule is limited to, {@code null} for any (rules from files never are)
 * @param region  region the rule is limited to, {@code null} for any
 * @param path    attribute path segments; empty for the whole resource
 */
public record IgnoreRule(
        String origin, boolean negated, String type, String id, List<String> path, String account, String region) {

    /** Wildcard patterns split at their stars, shared: a scan may test every rule against a hundred thousand resources. */
    private static final Map<String, String[]> PARTS = new ConcurrentHashMap<>();

    public IgnoreRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        path = List.copyOf(path);
    }

    /** A rule that applies in every account and region, as written in a file or configuration. */
    public IgnoreRule(String origin, boolean negated, String type, String id, List<String> path) {
        this(origin, negated, type, id, path, null, null);
    }

    boolean matchesResource(String resourceType, String resourceId, String resourceAccount, String resourceRegion) {
        return (account == null || account.equals(resourceAccount))
                && (region == null || region.equals(resourceRegion))
                && glob(type, resourceType, false)
                && glob(id, resourceId, false);
    }

    /** Whether this attribute rule covers a diff path: its segments are a prefix of the diff's (case-insensitive, as driftctl). */
    boolean matchesPath(List<String> diffPath) {
        if (path.size() > diffPath.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!glob(path.get(i), diffPath.get(i), true)) {
                return false;
            }
        }
        return true;
    }

    boolean wholeResource() {
        return path.isEmpty();
    }

    /** {@code *} matches any run of characters: the literal parts must appear in order, the first and last anchored. */
    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0) {
            return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
        }
        String[] parts = PARTS.computeIfAbsent(pattern, p -> p.split("\\*", -1));
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (value.length() < first.length() + last.length()
                || !value.regionMatches(ignoreCase, 0, first, 0, first.length())
                || !value.regionMatches(ignoreCase, value.length() - last.length(), last, 0, last.length())) {
            return false;
        }
        int from = first.length();
        int end = value.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            from = indexOf(value, parts[i], from, end, ignoreCase);
            if (from < 0) {
                return false;
            }
            from += parts[i].length();
        }
        return true;
    }

    private static int indexOf(String value, String part, int from, int end, boolean ignoreCase) {
        for (int at = from; at + part.length() <= end; at++) {
            if (value.regionMatches(ignoreCase, at, part, 0, part.length())) {
                return at;
            }
        }
        return -1;
    }
}
