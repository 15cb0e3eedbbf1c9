package dev.driftwatch.check;

import dev.driftwatch.baseline.ExpectedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's "not checked" section: one line per entry left out because of where it is, one line per
 * state and type for unsupported types (a state can hold hundreds of them).
 */
final class NotCheckedTable {

    private static final String FORMAT = "%-17s  %-40s  %-30s  %-50s  %s%n";

    private NotCheckedTable() {}

    static void append(StringBuilder out, List<NotChecked> notChecked) {
        if (notChecked.isEmpty()) {
            return;
        }
        out.append("Not checked:\n")
                .append(String.format(FORMAT, "WHY", "TYPE.ID", "ACCOUNT/REGION", "ADDRESS", "STATE FILE"));
        Map<String, Integer> unsupported = new LinkedHashMap<>();
        for (NotChecked n : notChecked) {
            ExpectedResource e = n.entry();
            if (n.reason() == NotChecked.Reason.UNSUPPORTED_TYPE) {
                unsupported.merge(e.resource().type() + "\u0000" + e.stateFile(), 1, Integer::sum);
                continue;
            }
            String where = e.resource().account().isEmpty() ? "?" : e.resource().account();
            where += "/" + (e.resource().region().isEmpty() ? "?" : e.resource().region());
            out.append(String.format(
                    FORMAT,
                    n.reason().label(),
                    e.resource().type() + "." + e.resource().id(),
                    where,
                    e.address(),
                    e.stateFile()));
            out.append("                   ").append(n.detail()).append('\n');
        }
        unsupported.forEach((typeAndState, count) -> {
            String[] parts = typeAndState.split("\u0000", 2);
            out.append(String.format(
                    FORMAT,
                    NotChecked.Reason.UNSUPPORTED_TYPE.label(),
                    parts[0] + " (" + count + ")",
                    "-",
                    "-",
                    parts[1]));
        });
    }
}
