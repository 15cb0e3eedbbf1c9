package dev.driftwatch.ticket;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Tickets as the API shows them, newest first, a page at a time. */
@ApplicationScoped
public class TicketQueries {

    /** What to list; null fields are not filtered on. */
    public record Filter(TicketStatus status, String sink, String fingerprint) {}

    @Transactional
    public List<TicketView> find(Filter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.sink() != null) {
            where.add("sink = :sink");
            parameters.and("sink", filter.sink());
        }
        if (filter.fingerprint() != null) {
            where.add("fingerprint = :fingerprint");
            parameters.and("fingerprint", filter.fingerprint());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return TicketEntity.<TicketEntity>find(query, Sort.descending("id"), parameters)
                .range(offset, offset + limit - 1)
                .list()
                .stream()
                .map(TicketView::of)
                .toList();
    }
}
