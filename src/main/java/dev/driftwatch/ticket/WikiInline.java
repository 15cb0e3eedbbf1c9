package dev.driftwatch.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of Markdown's inline parts as Jira wiki markup: {@code `code`} as {@code {{code}}}, {@code **bold**} as
 * {@code *bold*}, {@code [text](url)} as {@code [text|url]}, bare URLs as they are (Jira links them). Everything else
 * is text, its characters that Jira would read as markup escaped with a backslash: {@code { } [ ] | !} always (macros,
 * links, tables, images), {@code * _ - + ^ ~} where they could open or close an effect (next to a space or
 * punctuation, not inside a word such as {@code sg-1} or {@code aws_s3_bucket}), and {@code ??} (citation).
 */
final class WikiInline {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s|\\[\\]{}]+");
    private static final String ALWAYS = "{}[]|!";
    private static final String EFFECTS = "*_-+^~";

    private WikiInline() {}

    static String from(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            Matcher m;
            if ((m = at(CODE, text, i)) != null) {
                // monospace content is still read for effects and macros, so it is escaped as text is
                out.append("{{")
                        .append(m.group(1).isEmpty() ? " " : escape(m.group(1)))
                        .append("}}");
            } else if ((m = at(BOLD, text, i)) != null) {
                out.append('*').append(from(m.group(1))).append('*');
            } else if ((m = at(LINK, text, i)) != null) {
                out.append('[')
                        .append(from(m.group(1)))
                        .append('|')
                        .append(m.group(2))
                        .append(']');
            } else if ((m = at(URL, text, i)) != null) {
                out.append(m.group());
            } else {
                out.append(escape(text, i));
                i++;
                continue;
            }
            i = m.end();
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(escape(text, i));
        }
        return out.toString();
    }

    private static String escape(String text, int i) {
        char c = text.charAt(i);
        boolean special = ALWAYS.indexOf(c) >= 0
                || (EFFECTS.indexOf(c) >= 0 && !(word(text, i - 1) && word(text, i + 1)))
                || (c == '?' && (at(text, i - 1) == '?' || at(text, i + 1) == '?'));
        return special ? "\\" + c : String.valueOf(c);
    }

    private static boolean word(String text, int i) {
        return Character.isLetterOrDigit(at(text, i));
    }

    private static char at(String text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
    }

    private static Matcher at(Pattern pattern, String text, int i) {
        Matcher m = pattern.matcher(text).region(i, text.length());
        return m.lookingAt() ? m : null;
    }
}
