package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a drift rule's pattern matches: the same for remediation rules and severity rules. */
class PathGlobTest {

    @Test
    void aSingleStarStaysWithinOneSegment() {
        assertThat(PathGlob.matches("tags.*", "tags.Team")).isTrue();
        assertThat(PathGlob.matches("tags.*", "tags.a.b")).isFalse();
        assertThat(PathGlob.matches("**", "tags.a.b")).isTrue();
        assertThat(PathGlob.matches("ingress*", "ingress")).isTrue();
        assertThat(PathGlob.matches("ingress", "ingress")).isTrue();
        assertThat(PathGlob.matches("in(gress)", "ingress")).as("no regex").isFalse();
    }
}
