package dev.driftwatch.sweeper;

import java.util.List;

/**
 * What a sweep read of an account and decided.
 *
 * @param gaps what could not be read (a type in a region, one resource): nothing of it is in the plan to delete
 */
public record SweepPlan(List<PlannedItem> items, List<String> gaps) {

    public SweepPlan {
        items = List.copyOf(items);
        gaps = List.copyOf(gaps);
    }

    public long deletions() {
        return items.stream().filter(i -> i.verdict().deletes()).count();
    }
}
