package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One finding's resource tags for the rules that ask for them: read at most once, and only when a rule asks (each
 * read is a query). Unknown tags carry nothing, so a rule that names tags never matches on a guess.
 */
final class FindingTags implements Supplier<Optional<Map<String, String>>> {

    private final ResourceTags tags;
    private final FindingView finding;
    private Optional<Map<String, String>> known;

    FindingTags(ResourceTags tags, FindingView finding) {
        this.tags = tags;
        this.finding = finding;
    }

    @Override
    public Optional<Map<String, String>> get() {
        if (known == null) {
            known = tags.of(finding);
        }
        return known;
    }

    /** Whether the resource carries every one of {@code wanted} (values exact); true when none is wanted. */
    boolean carry(Map<String, String> wanted) {
        return wanted.isEmpty()
                || get().map(carried -> carried.entrySet().containsAll(wanted.entrySet()))
                        .orElse(false);
    }
}
