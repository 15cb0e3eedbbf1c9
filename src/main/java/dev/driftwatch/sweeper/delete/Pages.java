package dev.driftwatch.sweeper.delete;

import java.util.List;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;

/** Reads a paginated list of a resource's links whole. */
final class Pages {

    private Pages() {}

    /**
     * Every item of every page, read before any is removed: removing items while paging shifts the pages, and the
     * items on a later page would be skipped.
     */
    static <T> List<T> all(SdkIterable<T> items) {
        return items.stream().toList();
    }
}
