package dev.driftwatch.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * driftwatch's Markdown as Jira wiki markup (text formatting notation,
 * https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all), which Jira Data Center's REST v2 reads
 * in descriptions and comments: {@code #} headings as {@code hN.}, {@code -} bullets as {@code *}, fenced blocks as
 * {@code {code}} (with a language) or {@code {noformat}}, tables as {@code ||header||} and {@code |cell|} rows;
 * inline parts by {@link WikiInline}. Markdown's blank lines stay paragraph breaks, its single newlines line breaks.
 */
final class WikiMarkup {

    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*)");
    private static final Pattern BULLET = Pattern.compile("( *)[-*+]\\s+(.*)");
    private static final Pattern NUMBERED = Pattern.compile("( *)\\d+[.)]\\s+(.*)");
    private static final Pattern FENCE = Pattern.compile("\\s*```\\s*(\\S*).*");
    private static final Pattern TABLE_RULE = Pattern.compile("\\|?(\\s*:?-+:?\\s*\\|)+\\s*:?-*:?\\s*");

    private WikiMarkup() {}

    static String from(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m;
            if ((m = FENCE.matcher(line)).matches()) {
                i = block(lines, i, m.group(1), out);
            } else if (line.strip().startsWith("|")) {
                boolean header = i + 1 < lines.length
                        && TABLE_RULE.matcher(lines[i + 1].strip()).matches();
                row(line, header, out);
                i += header ? 1 : 0;
            } else if ((m = HEADING.matcher(line)).matches()) {
                out.add("h" + m.group(1).length() + ". " + WikiInline.from(m.group(2)));
            } else if ((m = BULLET.matcher(line)).matches()) {
                out.add(list("*", m) + WikiInline.from(m.group(2)));
            } else if ((m = NUMBERED.matcher(line)).matches()) {
                out.add(list("#", m) + WikiInline.from(m.group(2)));
            } else {
                out.add(WikiInline.from(line));
            }
        }
        return String.join("\n", out);
    }

    /** A fenced block up to its closing fence (or the end): its lines as they are, read by Jira as text. */
    private static int block(String[] lines, int open, String language, List<String> out) {
        String macro = language.isEmpty() ? "noformat" : "code";
        out.add(language.isEmpty() ? "{noformat}" : "{code:" + language + "}");
        int i = open + 1;
        for (; i < lines.length && !lines[i].strip().startsWith("```"); i++) {
            // the only thing that ends the block early is its own closing macro
            out.add(lines[i].replace("{" + macro + "}", "{ " + macro + "}"));
        }
        out.add("{" + macro + "}");
        return i;
    }

    /** A table row; a header row of empty cells (driftwatch's two-column key/value tables) is left out. */
    private static void row(String line, boolean header, List<String> out) {
        String inner = line.strip().replaceAll("^\\|", "").replaceAll("(?<!\\\\)\\|$", "");
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip().replace("\\|", "|"));
        }
        if (header && cells.stream().allMatch(String::isEmpty)) {
            return;
        }
        String sep = header ? "||" : "|";
        StringBuilder row = new StringBuilder(sep);
        for (String cell : cells) {
            // an empty cell needs a space, or Jira merges the separators into a header marker
            row.append(cell.isEmpty() ? " " : WikiInline.from(cell)).append(sep);
        }
        out.add(row.toString());
    }

    /** {@code *} or {@code #} once per level; two spaces of indentation make a level. */
    private static String list(String marker, Matcher m) {
        return marker.repeat(1 + m.group(1).length() / 2) + " ";
    }
}
