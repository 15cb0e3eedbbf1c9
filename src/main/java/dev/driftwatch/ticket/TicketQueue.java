package dev.driftwatch.ticket;

import dev.driftwatch.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pending ticket actions in PostgreSQL. An action is taken under a lease ({@code for update skip locked},
 * then {@code next_attempt_at} moved past the lease), so two replicas never do one action at once, and one whose
 * replica stopped mid-call is taken again after the lease. Actions of one ticket are done in the order queued.
 */
@ApplicationScoped
public class TicketQueue {

    /**
     * An action taken by this replica, with what the sink needs.
     *
     * @param target where the ticket was opened (its CREATE's route overrides)
     */
    public record Taken(
            long actionId,
            long ticketId,
            String sink,
            ActionKind action,
            TicketText payload,
            int attempts,
            String fingerprint,
            String externalId,
            boolean ticketOpen,
            String title,
            String severity,
            String resource,
            TicketTarget target) {

        TicketSink.NewTicket newTicket() {
            return new TicketSink.NewTicket(
                    ticketId, fingerprint, payload.title(), payload.body(), severity, resource, target);
        }

        TicketSink.Existing existing() {
            return new TicketSink.Existing(externalId, fingerprint, title, severity, resource, target);
        }
    }

    /** The cause of the actions a finding event queues. */
    static final String FINDING = "finding";

    private final Outbox outbox;

    TicketQueue(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Queues an action of the ticket's current finding version, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(TicketEntity ticket, ActionKind kind, TicketText payload, Instant now) {
        add(ticket, kind, payload, now, FINDING);
    }

    /**
     * Queues an action unless the same one (sink, finding version, action, cause) is queued already: a
     * redelivered event queues nothing new instead of failing on the unique key again and again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(TicketEntity ticket, ActionKind kind, TicketText payload, Instant now, String cause) {
        if (TicketActionEntity.count(
                        "sink = ?1 and fingerprint = ?2 and findingVersion = ?3 and action = ?4 and cause = ?5",
                        ticket.sink,
                        ticket.fingerprint,
                        ticket.findingVersion,
                        kind,
                        cause)
                > 0) {
            return;
        }
        TicketActionEntity action = new TicketActionEntity();
        action.cause = cause;
        action.ticketId = ticket.id;
        action.sink = ticket.sink;
        action.fingerprint = ticket.fingerprint;
        action.findingVersion = ticket.findingVersion;
        action.action = kind;
        action.payload = payload;
        action.attempts = 0;
        action.nextAttemptAt = now;
        action.status = ActionStatus.PENDING;
        action.createdAt = now;
        action.updatedAt = now;
        action.persist();
    }

    /** The oldest due action none of whose ticket's earlier actions is still pending; leased to this replica. */
    @Transactional
    public Optional<Taken> take(Instant now, Duration lease) {
        List<?> ids = TicketActionEntity.getEntityManager()
                .createNativeQuery("""
                        with next as (
                            select a.id from ticket_action a
                            where a.status = 'PENDING' and a.next_attempt_at <= :now
                              and not exists (select 1 from ticket_action b
                                              where b.ticket_id = a.ticket_id and b.status = 'PENDING' and b.id < a.id)
                            order by a.next_attempt_at, a.id limit 1 for update skip locked)
                        update ticket_action a
                        set attempts = a.attempts + 1, next_attempt_at = :leaseEnd, updated_at = :now
                        from next where a.id = next.id
                        returning a.id""")
                .setParameter("now", now)
                .setParameter("leaseEnd", now.plus(lease))
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        TicketActionEntity action = TicketActionEntity.findById(((Number) ids.get(0)).longValue());
        TicketEntity ticket = TicketEntity.findById(action.ticketId);
        return Optional.of(new Taken(
                action.id,
                ticket.id,
                action.sink,
                action.action,
                action.payload,
                action.attempts,
                ticket.fingerprint,
                ticket.externalId,
                ticket.status == TicketStatus.OPEN,
                ticket.title,
                ticket.toldSeverity,
                String.join("/", ticket.account, ticket.region, ticket.resourceType, ticket.resourceId),
                action.action == ActionKind.CREATE ? action.payload.target() : targetOf(ticket.id)));
    }

    /** Where the ticket was opened: its CREATE's target. */
    private static TicketTarget targetOf(long ticketId) {
        return TicketActionEntity.<TicketActionEntity>find(
                        "ticketId = ?1 and action = ?2 order by id", ticketId, ActionKind.CREATE)
                .firstResultOptional()
                .map(create -> create.payload.target())
                .orElse(null);
    }

    /** Done; a CREATE records the ticket system's id and link. */
    @Transactional
    public void done(Taken taken, Optional<TicketSink.Created> created, Instant now) {
        TicketActionEntity action = TicketActionEntity.findById(taken.actionId());
        TicketEntity ticket = TicketEntity.findById(taken.ticketId());
        action.status = ActionStatus.DONE;
        action.lastError = null;
        action.updatedAt = now;
        created.ifPresent(c -> {
            ticket.externalId = c.externalId();
            ticket.url = c.url();
        });
        if (taken.action() == ActionKind.CLOSE) {
            ticket.closedAt = now;
        }
        ticket.updatedAt = now;
        outbox.enqueue(new TicketEvent(TicketEvent.Kind.done(taken.action()), TicketChange.of(ticket, action, now)));
    }

    /** Tried again at {@code at}; the error is kept for people to see. */
    @Transactional
    public void retryAt(Taken taken, Instant at, String error, Instant now) {
        TicketActionEntity action = TicketActionEntity.findById(taken.actionId());
        action.nextAttemptAt = at;
        action.lastError = error;
        action.updatedAt = now;
    }

    /** Refused for good: failed with the system's message, and said on {@code driftwatch.tickets}. */
    @Transactional
    public void failed(Taken taken, String error, Instant now) {
        TicketActionEntity action = TicketActionEntity.findById(taken.actionId());
        TicketEntity ticket = TicketEntity.findById(taken.ticketId());
        action.status = ActionStatus.FAILED;
        action.lastError = error;
        action.updatedAt = now;
        outbox.enqueue(new TicketEvent(TicketEvent.Kind.FAILED, TicketChange.of(ticket, action, now)));
    }

    /**
     * A person closed the ticket while the finding stayed open: it is left alone from now on. The material change
     * this comment was to tell opens a new ticket that links it; so does a remediation outcome, unless the ticket
     * was closed as won't do (a decision about the finding, which only a change of the finding reopens).
     */
    @Transactional
    public void closedByPerson(Taken taken, TicketState state, Instant now) {
        TicketActionEntity action = TicketActionEntity.findById(taken.actionId());
        TicketEntity closed = TicketEntity.findById(taken.ticketId());
        boolean wontDo = state == TicketState.WONT_DO;
        action.status = ActionStatus.DONE;
        action.lastError = (wontDo ? "closed as won't do" : "closed by a person") + ": not commented on";
        action.updatedAt = now;
        closed.status = wontDo ? TicketStatus.WONT_DO : TicketStatus.CLOSED_BY_PERSON;
        closed.closedAt = now;
        closed.updatedAt = now;
        closed.flush(); // before the new ticket's insert: one OPEN ticket per finding and sink (ticket_one_open)
        outbox.enqueue(new TicketEvent(TicketEvent.Kind.CLOSED_BY_PERSON, TicketChange.of(closed, action, now)));
        if (wontDo && !FINDING.equals(action.cause)) {
            return;
        }
        TicketEntity next = new TicketEntity();
        next.fingerprint = closed.fingerprint;
        next.sink = closed.sink;
        next.status = TicketStatus.OPEN;
        next.findingId = closed.findingId;
        next.findingVersion = closed.findingVersion;
        next.account = closed.account;
        next.region = closed.region;
        next.resourceType = closed.resourceType;
        next.resourceId = closed.resourceId;
        next.policyId = closed.policyId;
        next.title = closed.title;
        next.tell(closed.told());
        next.createdAt = now;
        next.updatedAt = now;
        next.previousTicketId = closed.id;
        next.persistAndFlush();
        add(
                next,
                ActionKind.CREATE,
                new TicketText(next.title, action.payload.body() + TicketTexts.follows(closed), taken.target()),
                now,
                action.cause);
    }

    /**
     * When each sink's oldest pending action was queued, for the gauge that says a ticket system has kept
     * driftwatch waiting (an outage delays tickets, and this is how long).
     */
    @Transactional
    public Map<String, Instant> oldestPendingBySink() {
        Map<String, Instant> oldest = new HashMap<>();
        TicketActionEntity.getEntityManager()
                .createQuery(
                        "select a.sink, min(a.createdAt) from TicketActionEntity a where a.status = :pending group by a.sink",
                        Object[].class)
                .setParameter("pending", ActionStatus.PENDING)
                .getResultList()
                .forEach(row -> oldest.put((String) row[0], (Instant) row[1]));
        return oldest;
    }

    /** Open tickets by sink, for the gauge. */
    @Transactional
    public Map<String, Long> openBySink() {
        Map<String, Long> open = new HashMap<>();
        TicketEntity.getEntityManager()
                .createQuery(
                        "select t.sink, count(t) from TicketEntity t where t.status = :open group by t.sink",
                        Object[].class)
                .setParameter("open", TicketStatus.OPEN)
                .getResultList()
                .forEach(row -> open.put((String) row[0], ((Number) row[1]).longValue()));
        return open;
    }
}
