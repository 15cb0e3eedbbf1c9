package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingQueries;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.RemediationEvent;
import dev.driftwatch.remediation.RemediationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a finding event means for its ticket and queues it, in one transaction: a finding that wants one
 * ({@link TicketTriggers}: a violation whose policy says {@code ticket}, drift whose drift rules say so, or an
 * {@code open-at} rule) opens one; a material change ({@link Told}) is one comment; a resolution (only a complete
 * scan resolves) a closing comment and the close. Nothing else closes a ticket. A redelivered or late event finds
 * its finding version already told and queues nothing. A remediation that failed, was rejected or expired opens a
 * ticket for its finding, or is a comment on the one open.
 */
@ApplicationScoped
public class TicketIntake {

    /** The remediation outcomes a person has to hear of. */
    static final Set<RemediationEvent.Step> TICKETED =
            Set.of(RemediationEvent.Step.FAILED, RemediationEvent.Step.REJECTED, RemediationEvent.Step.EXPIRED);

    /** Closed by a person, plainly or as won't do: neither is reopened; a material change opens a new ticket. */
    private static final Set<TicketStatus> PERSON_CLOSED = Set.of(TicketStatus.CLOSED_BY_PERSON, TicketStatus.WONT_DO);

    private final TicketTriggers triggers;
    private final TicketRouting routing;
    private final TicketQueue queue;
    private final FindingQueries findings;
    private final Clock clock;

    TicketIntake(
            TicketTriggers triggers, TicketRouting routing, TicketQueue queue, FindingQueries findings, Clock clock) {
        this.triggers = triggers;
        this.routing = routing;
        this.queue = queue;
        this.findings = findings;
        this.clock = clock;
    }

    /**
     * A remediation's failure, rejection or expiry, for a finding that is still open (as PostgreSQL holds it now:
     * a late event of a finding resolved since opens nothing).
     */
    @Transactional
    public void receive(RemediationEvent event) {
        RemediationView remediation = event.data();
        if (!TICKETED.contains(event.step())) {
            return;
        }
        Optional<FindingView> current = findings.byId(remediation.findingId())
                .filter(f -> f.status() == FindingStatus.OPEN && f.fingerprint().equals(remediation.fingerprint()));
        if (current.isEmpty()) {
            return;
        }
        String cause = "remediation-" + remediation.id() + "-" + event.step().label();
        if (TicketActionEntity.count("fingerprint = ?1 and cause = ?2", remediation.fingerprint(), cause) > 0) {
            return; // a redelivered event: its ticket or comment is queued already
        }
        FindingView finding = current.get();
        TicketRouting.Routed routed = routing.route(finding);
        String sink = routed.sink();
        TicketText text =
                TicketTexts.remediation(finding, remediation, event.step().label());
        Optional<TicketEntity> open = TicketEntity.find(
                        "fingerprint = ?1 and sink = ?2 and status = ?3",
                        finding.fingerprint(),
                        sink,
                        TicketStatus.OPEN)
                .firstResultOptional();
        if (open.isPresent()) {
            queue.add(open.get(), ActionKind.COMMENT, new TicketText(null, text.body()), clock.instant(), cause);
            return;
        }
        Long previous = null;
        Optional<TicketEntity> latest = latest(finding, sink);
        if (latest.isPresent() && PERSON_CLOSED.contains(latest.get().status)) {
            TicketEntity closed = latest.get();
            if (closed.status == TicketStatus.WONT_DO
                    && closed.told().changeTo(Told.of(finding)).isEmpty()) {
                return; // won't do: a decision about the finding, which a remediation outcome does not change
            }
            previous = closed.id;
            text = new TicketText(text.title(), text.body() + TicketTexts.follows(closed));
        }
        open(finding, routed, Told.of(finding), previous, text, cause);
    }

    @Transactional
    public void receive(FindingEvent event) {
        FindingView finding = event.data();
        switch (event.change()) {
            case RESOLVED ->
                TicketEntity.<TicketEntity>list(
                                "fingerprint = ?1 and status = ?2", finding.fingerprint(), TicketStatus.OPEN)
                        .forEach(ticket -> resolve(ticket, finding));
            case OPENED, UPDATED -> {
                if (triggers.wantsTicket(finding)) {
                    openOrUpdate(finding, routing.route(finding));
                }
            }
            case ACCEPTED -> {
                // drift accepted as the baseline is not a resolution: its ticket is left to its people
            }
        }
    }

    private void resolve(TicketEntity ticket, FindingView finding) {
        if (finding.version() <= ticket.findingVersion) {
            return;
        }
        Instant now = clock.instant();
        ticket.status = TicketStatus.CLOSED;
        ticket.findingVersion = finding.version();
        ticket.updatedAt = now;
        queue.add(ticket, ActionKind.COMMENT, TicketTexts.closing(finding), now);
        queue.add(ticket, ActionKind.CLOSE, new TicketText(null, null), now);
    }

    private void openOrUpdate(FindingView finding, TicketRouting.Routed routed) {
        String sink = routed.sink();
        Told now = Told.of(finding);
        Optional<TicketEntity> latest = latest(finding, sink);
        if (latest.isPresent() && finding.version() <= latest.get().findingVersion) {
            return; // told already: a redelivered, replayed or late event
        }
        if (latest.isPresent() && latest.get().status == TicketStatus.OPEN) {
            TicketEntity ticket = latest.get();
            ticket.findingVersion = finding.version();
            ticket.told().changeTo(now).ifPresent(change -> {
                ticket.tell(now);
                ticket.updatedAt = clock.instant();
                queue.add(ticket, ActionKind.COMMENT, TicketTexts.comment(finding, change), clock.instant());
            });
            return;
        }
        Long previous = null;
        TicketText text = TicketTexts.opening(finding);
        if (latest.isPresent() && PERSON_CLOSED.contains(latest.get().status)) {
            TicketEntity closed = latest.get();
            if (closed.told().changeTo(now).isEmpty()) {
                closed.findingVersion = finding.version(); // a person closed it: left alone until the finding changes
                return;
            }
            previous = closed.id;
            text = new TicketText(text.title(), text.body() + TicketTexts.follows(closed));
        }
        open(finding, routed, now, previous, text, TicketQueue.FINDING);
    }

    /** The finding's newest ticket in the sink, whatever its status. */
    private static Optional<TicketEntity> latest(FindingView finding, String sink) {
        return TicketEntity.find("fingerprint = ?1 and sink = ?2 order by id desc", finding.fingerprint(), sink)
                .firstResultOptional();
    }

    private void open(
            FindingView finding, TicketRouting.Routed routed, Told told, Long previous, TicketText text, String cause) {
        Instant now = clock.instant();
        TicketEntity ticket = new TicketEntity();
        ticket.fingerprint = finding.fingerprint();
        ticket.sink = routed.sink();
        ticket.status = TicketStatus.OPEN;
        ticket.findingId = finding.id();
        ticket.findingVersion = finding.version();
        ticket.account = finding.account();
        ticket.region = finding.region();
        ticket.resourceType = finding.type();
        ticket.resourceId = finding.resourceId();
        ticket.policyId = finding.policyId();
        ticket.title = text.title();
        ticket.tell(told);
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.previousTicketId = previous;
        ticket.persistAndFlush(); // a second open ticket of the finding in the sink fails here (ticket_one_open)
        queue.add(ticket, ActionKind.CREATE, text.to(routed.target()), now, cause);
    }
}
