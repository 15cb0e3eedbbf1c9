package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * An action's payload as {@code ticket_action.payload} keeps it: a CREATE's route target survives the round trip
 * (so a retry opens the ticket where it was routed), and payloads stored before targets existed still read.
 */
class TicketTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCreatesTargetIsKeptWithItsText() throws Exception {
        TicketText create =
                new TicketText("title", "body").to(new TicketTarget("PAY", "payments-api", null, null, "payments"));

        TicketText read = json.readValue(json.writeValueAsString(create), TicketText.class);

        assertThat(read).isEqualTo(create);
    }

    @Test
    void aPayloadStoredBeforeTargetsExistedHasNone() throws Exception {
        TicketText old = json.readValue("{\"title\": \"t\", \"body\": \"b\"}", TicketText.class);

        assertThat(old).isEqualTo(new TicketText("t", "b"));
        assertThat(old.target()).isNull();
        assertThat(new TicketSink.NewTicket(1, "fp", "t", "b", null, null, old.target()).target())
                .isEqualTo(TicketTarget.NONE);
    }
}
