package dev.driftwatch.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads driftctl's {@code .driftignore} syntax: one rule per line, {@code type.id} or
 * {@code type.id.attribute.path}; dots inside an id escaped as {@code \.} (a backslash as {@code \\});
 * {@code *} in any segment; {@code !} negates; {@code #} starts a comment line; blank lines are skipped.
 * A bad line becomes an {@link IgnoreError} naming its source and line; the other lines still count.
 */
public final class DriftIgnoreParser {

    /** What a source yielded: the rules it could read and the lines it could not. */
    public record Parsed(List<IgnoreRule> rules, List<IgnoreError> errors) {}

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_*]+");

    private DriftIgnoreParser() {}

    public static Parsed parse(String source, List<String> lines) {
        List<IgnoreRule> rules = new ArrayList<>();
        List<IgnoreError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                IgnoreRule rule = parseLine(source + ":" + (i + 1), lines.get(i));
                if (rule != null) {
                    rules.add(rule);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new IgnoreError(source, i + 1, e.getMessage()));
            }
        }
        return new Parsed(rules, errors);
    }

    /** One rule, or {@code null} for a blank or comment line; a bad line throws with the reason. */
    static IgnoreRule parseLine(String origin, String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        boolean negated = line.startsWith("!");
        String body = negated ? line.substring(1) : line;
        if (body.isEmpty()) {
            throw new IllegalArgumentException("'!' needs a rule after it");
        }
        if (body.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "'" + line + "' contains whitespace: write one rule per line and comments on lines of"
                            + " their own, starting with #");
        }
        List<String> segments = split(body.replaceAll("\\*{2,}", "*"));
        if (segments.size() == 1 && segments.get(0).equals("*")) {
            return new IgnoreRule(origin, negated, "*", "*", List.of());
        }
        if (segments.size() < 2) {
            throw new IllegalArgumentException("'" + line + "' is not type.id or type.id.attribute.path");
        }
        if (segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(
                    "'" + line + "' has an empty segment (a dot at the start or end, or two in a row)");
        }
        if (!TYPE.matcher(segments.get(0)).matches()) {
            throw new IllegalArgumentException(
                    "'" + segments.get(0) + "' is not a Terraform resource type (lower case, digits, _)");
        }
        return new IgnoreRule(origin, negated, segments.get(0), segments.get(1), segments.subList(2, segments.size()));
    }

    /** Splits on dots that are not escaped; {@code \.} is a dot and {@code \\} a backslash inside a segment. */
    private static List<String> split(String body) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 == body.length() || (body.charAt(i + 1) != '.' && body.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException(
                            "'" + body + "' has a backslash that escapes nothing (write \\. or \\\\)");
                }
                current.append(body.charAt(++i));
            } else if (c == '.') {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    /** A value written as one segment of a rule: dots and backslashes escaped. */
    public static String escape(String segment) {
        return segment.replace("\\", "\\\\").replace(".", "\\.");
    }
}
