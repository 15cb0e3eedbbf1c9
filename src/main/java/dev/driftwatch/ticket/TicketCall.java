package dev.driftwatch.ticket;

import java.util.Optional;

/**
 * One queued action against its sink. A CREATE tried before looks for the ticket first: an earlier attempt may
 * have timed out after the system created it, and a second ticket must not follow.
 */
record TicketCall(TicketSink sink) {

    /** A person closed the ticket while driftwatch held it open: it is not written to again. */
    static final class ClosedByPerson extends RuntimeException {

        private final TicketState state;

        ClosedByPerson(TicketState state) {
            super("closed by a person in the ticket system; not commented on", null, false, false);
            this.state = state;
        }

        /** {@link TicketState#CLOSED} or {@link TicketState#WONT_DO}. */
        TicketState state() {
            return state;
        }
    }

    /** @return the ticket a CREATE opened (or found); empty for the other actions */
    Optional<TicketSink.Created> run(TicketQueue.Taken taken) {
        if (taken.action() == ActionKind.CREATE) {
            TicketSink.NewTicket ticket = taken.newTicket();
            if (taken.attempts() > 1) {
                Optional<TicketSink.Created> found = sink.find(ticket);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.of(sink.create(ticket));
        }
        if (taken.externalId() == null) {
            throw new IllegalStateException(
                    "the ticket was never created in " + taken.sink() + " (its CREATE failed), so it cannot be "
                            + (taken.action() == ActionKind.CLOSE ? "closed" : "commented on"));
        }
        TicketSink.Existing existing = taken.existing();
        if (taken.action() == ActionKind.COMMENT) {
            if (taken.ticketOpen()) {
                TicketState state = sink.state(existing);
                if (state != TicketState.OPEN) {
                    throw new ClosedByPerson(state);
                }
            }
            sink.comment(existing, taken.payload().body());
        } else if (sink.state(existing) == TicketState.OPEN) {
            sink.close(existing); // one a person closed keeps their resolution (won't do stays won't do)
        }
        return Optional.empty();
    }
}
