package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import dev.driftwatch.resource.AttributeDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ticket last told about its finding: the parts whose change is worth a comment. Everything else a scan
 * updates (last seen, version) is not, so a ticket is not commented on at every scan.
 */
public record Told(String severity, String message, List<AttributeDiff> diffs) {

    public Told {
        diffs = diffs == null ? List.of() : List.copyOf(diffs);
    }

    public static Told of(FindingView finding) {
        return new Told(finding.severity(), finding.message(), finding.diffs());
    }

    /** What changed from this to {@code now}, for the comment; empty when nothing material did. */
    public Optional<String> changeTo(Told now) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(severity, now.severity)) {
            changes.add("severity " + severity + " → " + now.severity);
        }
        if (!Objects.equals(message, now.message)) {
            changes.add("message changed");
        }
        if (!diffs.equals(now.diffs)) {
            changes.add("differences changed (" + now.diffs.size() + " attribute" + (now.diffs.size() == 1 ? "" : "s")
                    + " now)");
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", changes));
    }
}
