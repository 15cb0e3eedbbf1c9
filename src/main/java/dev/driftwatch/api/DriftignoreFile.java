package dev.driftwatch.api;

import dev.driftwatch.finding.AcceptedDriftView;
import java.util.List;

/** Accepted drift written as a {@code .driftignore} file, each rule under a comment saying where, who and why. */
final class DriftignoreFile {

    private DriftignoreFile() {}

    static String render(List<AcceptedDriftView> entries) {
        StringBuilder file = new StringBuilder()
                .append("# Drift accepted in driftwatch (GET /api/drift/driftignore): ")
                .append(entries.size())
                .append(" rule(s).\n")
                .append(
                        "# driftwatch scopes each rule to its account and region; in this file they apply everywhere.\n");
        for (AcceptedDriftView e : entries) {
            file.append('\n')
                    .append("# ")
                    .append(e.account())
                    .append(' ')
                    .append(e.region())
                    .append(", accepted by ")
                    .append(oneLine(e.acceptedBy()))
                    .append(" at ")
                    .append(e.acceptedAt())
                    .append(": ")
                    .append(oneLine(e.reason()))
                    .append('\n')
                    .append(e.rule())
                    .append('\n');
        }
        return file.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
