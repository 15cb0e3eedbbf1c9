package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tags add-required-tags writes, and when it writes none. */
class AddRequiredTagsTest {

    private static final Map<String, Object> POLICY = Map.of(
            "required_tags", List.of("owner", "team", "cost-center"),
            "tag_defaults", Map.of("owner", "platform", "team", "unassigned", "cost-center", "0000"));

    @Test
    void onlyTheMissingTagsAreWrittenWithTheirDefaults() {
        Reading reading = AddRequiredTags.check("i-1", Map.of("owner", "alice", "Name", "web"), POLICY);

        assertThat(reading.fix().orElseThrow().call().parameters())
                .containsEntry("Tags", Map.of("team", "unassigned", "cost-center", "0000"))
                .containsEntry("Resources", List.of("i-1"));
    }

    @Test
    void allPresentIsFixed() {
        assertThat(AddRequiredTags.check("i-1", Map.of("owner", "a", "team", "b", "cost-center", "c"), POLICY)
                        .isFixed())
                .isTrue();
    }

    @Test
    void aMissingTagWithoutADefaultMeansNoWriteAtAll() {
        Reading reading = AddRequiredTags.check(
                "i-1",
                Map.of(),
                Map.of("required_tags", List.of("owner", "team"), "tag_defaults", Map.of("owner", "x")));

        assertThat(reading.fix()).isEmpty();
        assertThat(reading.isFixed()).isFalse();
        assertThat(reading.cannotFix()).hasValue("no default value for tag 'team' (the policy's tag_defaults)");
    }

    @Test
    void anEmptyPresentTagIsNotOverwritten() {
        Reading reading = AddRequiredTags.check("i-1", Map.of("owner", "", "team", "t", "cost-center", "c"), POLICY);

        assertThat(reading.fix()).isEmpty();
        assertThat(reading.cannotFix())
                .hasValueSatisfying(why -> assertThat(why).startsWith("tag 'owner' is present"));
    }

    @Test
    void thePolicyWithoutDefaultsCannotFixAnything() {
        Reading reading = AddRequiredTags.check("i-1", Map.of(), Map.of("required_tags", List.of("owner")));

        assertThat(reading.cannotFix()).isPresent();
    }
}
