package dev.driftwatch.config;

/** A javadoc comment as one line of Markdown: its first part only (no block tags), inline tags as code. */
final class Javadoc {

    private Javadoc() {}

    static String toMarkdown(String comment) {
        String text = comment.strip();
        int tags = text.indexOf("\n@");
        if (text.startsWith("@")) {
            text = "";
        } else if (tags >= 0) {
            text = text.substring(0, tags);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{@", i)) {
                int end = closingBrace(text, i);
                out.append(inlineTag(text.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        // {@code a}{@code b} (a way to write "*/" in a comment) reads as one code span
        return out.toString().replace("``", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * {@code code x} and {@code literal x} as `x`; {@code link #fooBar()} as the property `foo-bar`, {@code link Foo}
     * as `Foo`.
     */
    private static String inlineTag(String tag) {
        int space = tag.indexOf(' ');
        String body = space < 0 ? "" : tag.substring(space + 1).strip();
        if (tag.startsWith("link")) {
            String target = body.split("\\s+")[0];
            body = target.contains("#")
                    ? ConfigMappings.kebab(
                            target.substring(target.indexOf('#') + 1).replace("()", ""))
                    : target;
        }
        return "`" + body + "`";
    }

    /** Index of the brace that closes the inline tag opened at {@code start}; inline tags may hold braces. */
    private static int closingBrace(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed inline tag in: " + text);
    }
}
