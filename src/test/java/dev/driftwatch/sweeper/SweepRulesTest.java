package dev.driftwatch.sweeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the sweeper may delete: only an old resource nothing protects, and never one it cannot be sure of. */
class SweepRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofHours(49));
    private static final Instant YOUNG = NOW.minus(Duration.ofHours(47));

    private final SweepRules rules = new SweepRules(
            SweeperConfigs.of(Map.of(
                    "driftwatch.sweeper.protect-names", "^keep-,bastion",
                    "driftwatch.sweeper.protect-tags", "driftwatch:sweep=keep,owner-lock",
                    "driftwatch.sweeper.excluded-types", "aws_iam_role")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anOldResourceNothingProtectsIsDeleted() {
        Verdict verdict = rules.decide(instance(Map.of("Team", "a")), null, StateManagement.UNMANAGED);

        assertThat(verdict.decision()).isEqualTo(SweepDecision.DELETE);
        assertThat(verdict.reason()).contains("created " + OLD).contains("49 h ago");
    }

    @Test
    void ageComesFromCreationTimeElseFirstSightAndUnknownAgeIsNotYet() {
        CloudResource noCreationTime = new CloudResource("aws_vpc", "vpc-1", "1", "r", null, Map.of(), null);

        assertThat(rules.decide(noCreationTime, OLD, StateManagement.UNMANAGED).decision())
                .isEqualTo(SweepDecision.DELETE);
        assertThat(rules.decide(noCreationTime, YOUNG, StateManagement.UNMANAGED)
                        .decision())
                .isEqualTo(SweepDecision.TOO_YOUNG);
        assertThat(rules.decide(noCreationTime, null, StateManagement.UNMANAGED).decision())
                .isEqualTo(SweepDecision.AGE_UNKNOWN);
        CloudResource young = new CloudResource("aws_instance", "i-2", "1", "r", null, Map.of(), YOUNG);
        assertThat(rules.decide(young, OLD, StateManagement.UNMANAGED).decision())
                .isEqualTo(SweepDecision.TOO_YOUNG);
    }

    @Test
    void tagsProtectByValueOrKeyAndKeepUntilDatesNotYetPassed() {
        assertThat(decide(Map.of("driftwatch:sweep", "keep"))).isEqualTo(SweepDecision.PROTECTED_TAG);
        assertThat(decide(Map.of("driftwatch:sweep", "delete-me"))).isEqualTo(SweepDecision.DELETE);
        assertThat(decide(Map.of("owner-lock", ""))).isEqualTo(SweepDecision.PROTECTED_TAG);
        assertThat(decide(Map.of("driftwatch:keep-until", "2026-12-06"))).isEqualTo(SweepDecision.PROTECTED_TAG);
        assertThat(decide(Map.of("driftwatch:keep-until", "2026-12-05"))).isEqualTo(SweepDecision.DELETE);
        assertThat(decide(Map.of("driftwatch:keep-until", "2026-12-06T02:00:00Z")))
                .isEqualTo(SweepDecision.DELETE);
        Verdict unreadable =
                rules.decide(instance(Map.of("driftwatch:keep-until", "next friday")), null, StateManagement.UNMANAGED);
        assertThat(unreadable.decision()).isEqualTo(SweepDecision.PROTECTED_TAG);
        assertThat(unreadable.reason()).contains("not a date");
    }

    @Test
    void namesProtectByIdNameAttributeOrNameTag() {
        assertThat(decide(Map.of("Name", "bastion-host"))).isEqualTo(SweepDecision.PROTECTED_NAME);
        CloudResource named =
                new CloudResource("aws_sqs_queue", "https://sqs/keep-q", "1", "r", null, Map.of("name", "keep-q"), OLD);
        assertThat(rules.decide(named, null, StateManagement.UNMANAGED).decision())
                .isEqualTo(SweepDecision.PROTECTED_NAME);
    }

    @Test
    void stateManagedAwsManagedExcludedAndUnknownStatesAreKept() {
        CloudResource instance = instance(Map.of());
        assertThat(rules.decide(instance, null, StateManagement.MANAGED).decision())
                .isEqualTo(SweepDecision.MANAGED_BY_STATE);
        assertThat(rules.decide(instance, null, StateManagement.UNKNOWN).decision())
                .isEqualTo(SweepDecision.STATE_UNKNOWN);
        CloudResource defaultVpc = new CloudResource("aws_vpc", "vpc-d", "1", "r", null, Map.of(), OLD, true);
        assertThat(rules.decide(defaultVpc, OLD, StateManagement.UNMANAGED).decision())
                .isEqualTo(SweepDecision.AWS_MANAGED);
        CloudResource role = new CloudResource("aws_iam_role", "ci", "1", "global", null, Map.of(), OLD);
        assertThat(rules.decide(role, OLD, StateManagement.UNMANAGED).decision())
                .isEqualTo(SweepDecision.TYPE_EXCLUDED);
    }

    @Test
    void withANoticePeriodAResourceIsAnnouncedFirstAndDeletedOnlyOnceThePeriodHasPassed() {
        SweepRules noticing = new SweepRules(
                SweeperConfigs.of(Map.of("driftwatch.sweeper.notice-period", "72h")), Clock.fixed(NOW, ZoneOffset.UTC));
        Sightings.Key key = new Sightings.Key("r", new ResourceKey("aws_instance", "i-1"));
        Verdict delete = noticing.decide(instance(Map.of()), null, StateManagement.UNMANAGED);

        Verdict first = noticing.afterNotices(key, delete, Notices.Earlier.NONE);
        assertThat(first.decision()).isEqualTo(SweepDecision.NOTICED);
        assertThat(first.reason()).startsWith("to be deleted from " + NOW.plus(Duration.ofHours(72)));
        Notices.Earlier announcedYesterday =
                new Notices.Earlier(Map.of(key, NOW.minus(Duration.ofHours(24))), Set.of());
        assertThat(noticing.afterNotices(key, delete, announcedYesterday).decision())
                .isEqualTo(SweepDecision.NOTICED);
        Notices.Earlier announcedLongAgo = new Notices.Earlier(Map.of(key, NOW.minus(Duration.ofHours(72))), Set.of());
        assertThat(noticing.afterNotices(key, delete, announcedLongAgo).decision())
                .isEqualTo(SweepDecision.DELETE);
        Verdict protectedMeanwhile =
                noticing.decide(instance(Map.of("driftwatch:sweep", "keep")), null, StateManagement.UNMANAGED);
        assertThat(noticing.afterNotices(key, protectedMeanwhile, announcedLongAgo)
                        .decision())
                .isEqualTo(SweepDecision.PROTECTED_TAG);
    }

    @Test
    void aResourceAPersonKeptThroughTheApiStaysKeptInLaterSweeps() {
        Sightings.Key key = new Sightings.Key("r", new ResourceKey("aws_instance", "i-1"));
        Verdict delete = rules.decide(instance(Map.of()), null, StateManagement.UNMANAGED);

        assertThat(rules.afterNotices(key, delete, Notices.Earlier.NONE)).isEqualTo(delete);
        assertThat(rules.afterNotices(key, delete, new Notices.Earlier(Map.of(), Set.of(key)))
                        .decision())
                .isEqualTo(SweepDecision.KEPT_ON_REQUEST);
    }

    private SweepDecision decide(Map<String, Object> tags) {
        return rules.decide(instance(tags), null, StateManagement.UNMANAGED).decision();
    }

    private static CloudResource instance(Map<String, Object> tags) {
        return new CloudResource("aws_instance", "i-1", "1", "r", null, Map.of("tags", tags), OLD);
    }
}
