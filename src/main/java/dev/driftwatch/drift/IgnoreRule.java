package dev.driftwatch.drift;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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
public record IgnoreRule(String origin, boolean negated, String type, String id, List<String> path, String account, String region) {

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
        return (account == null || account.equals(resourceAccount)) && (region == null || region.equals(resourceRegion))
                && glob(type, resourceType, false) && glob(id, resourceId, false);
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

    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0) {
            return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            regex.append(Pattern.quote(literal)).append(".*");
        }
        regex.setLength(regex.length() - 2);
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }
}
