package dev.driftwatch.config;

/**
 * One configuration property as docs/configuration.md lists it.
 *
 * @param name         full name; {@code <name>} or {@code <key>} stands for a map key of the user's choice
 * @param type         value type in words ("duration", "list of string", ...)
 * @param defaultValue the {@code @WithDefault}, or how its absence reads ("none", "required")
 * @param meaning      the accessor's javadoc, on one line
 */
record ConfigProperty(String name, String type, String defaultValue, String meaning) {

    /** The Markdown table row: the doc is compared row by row. */
    String row() {
        return "| `" + name + "` | " + type + " | " + defaultValue + " | " + cell(meaning) + " |";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
