package dev.driftwatch.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each key of a policy file, as the YAML parser located it while reading (one pass, linear in the
 * file's size; searching the text for {@code key:} instead was super-linear on long runs of blank lines).
 * Keys are addressed by their path: {@code severity}, {@code remediation.mode}.
 */
final class PolicyLines {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, Integer> lineByPath;

    private PolicyLines(Map<String, Integer> lineByPath) {
        this.lineByPath = lineByPath;
    }

    static PolicyLines of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(
                            path(parser), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // Broken YAML is reported by the parse itself; the keys read before the break keep their lines.
        }
        return new PolicyLines(lines);
    }

    /** The line of the key at {@code path}, or 1 (the file's start) when the file does not have it. */
    int lineOf(String path) {
        return lineByPath.getOrDefault(path, 1);
    }

    /** The key's path, with the indexes of lists left out: {@code remediation.mode}. */
    private static String path(JsonParser parser) throws IOException {
        StringBuilder path = new StringBuilder(parser.currentName());
        for (var context = parser.getParsingContext().getParent(); context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                path.insert(0, context.getCurrentName() + ".");
            }
        }
        return path.toString();
    }
}
