package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.AttributeDiff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is a material change: worth one comment on the ticket, unlike a scan that only saw the finding again. */
class ToldTest {

    private static final Told TOLD = new Told(
            "MEDIUM", "default security group sg-1 has 1 ingress rules", List.of(new AttributeDiff("ingress", 1, 2)));

    @Test
    void theSameFindingSeenAgainIsNoChange() {
        Told again = new Told(
                "MEDIUM",
                "default security group sg-1 has 1 ingress rules",
                List.of(new AttributeDiff("ingress", 1, 2)));
        assertThat(TOLD.changeTo(again)).isEmpty();
    }

    @Test
    void severityMessageAndDiffsAreMaterial() {
        assertThat(TOLD.changeTo(new Told("HIGH", TOLD.message(), TOLD.diffs())))
                .contains("severity MEDIUM → HIGH");
        assertThat(TOLD.changeTo(new Told("MEDIUM", "default security group sg-1 has 2 ingress rules", TOLD.diffs())))
                .contains("message changed");
        assertThat(TOLD.changeTo(new Told(
                        "MEDIUM",
                        TOLD.message(),
                        List.of(new AttributeDiff("ingress", 1, 2), new AttributeDiff("tags.Team", "a", "b")))))
                .contains("differences changed (2 attributes now)");
    }

    @Test
    void diffsAreComparedByValueWhateverTheirShape() {
        Told nested =
                new Told(null, null, List.of(new AttributeDiff("ingress", List.of(Map.of("from_port", 22)), null)));
        Told same = new Told(null, null, List.of(new AttributeDiff("ingress", List.of(Map.of("from_port", 22)), null)));
        assertThat(nested.changeTo(same)).isEmpty();
        assertThat(new Told(null, null, null).changeTo(new Told(null, null, List.of())))
                .isEmpty();
    }
}
