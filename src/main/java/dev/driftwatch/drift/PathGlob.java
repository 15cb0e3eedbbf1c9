package dev.driftwatch.drift;

import java.util.regex.Pattern;

/**
 * The glob of the drift rules (remediation's and severity's) for attribute paths, types and accounts: {@code **}
 * matches anything, {@code *} a run of characters without a dot; the rest stands for itself (no regex). One place, so
 * a pattern means the same wherever a rule is written.
 */
public final class PathGlob {

    private PathGlob() {}

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] anything = glob.split("\\*\\*", -1);
        for (int i = 0; i < anything.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            String[] parts = anything[i].split("\\*", -1);
            for (int j = 0; j < parts.length; j++) {
                if (j > 0) {
                    regex.append("[^.]*");
                }
                regex.append(Pattern.quote(parts[j]));
            }
        }
        return Pattern.compile(regex.toString());
    }

    public static boolean matches(String glob, String value) {
        return compile(glob).matcher(value).matches();
    }
}
