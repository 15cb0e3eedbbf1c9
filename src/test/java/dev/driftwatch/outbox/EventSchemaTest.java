package dev.driftwatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.api.auth.AuditRecorded;
import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.policy.RemediationSpec;
import dev.driftwatch.remediation.RemediationEvent;
import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.scan.ScanRequested;
import dev.driftwatch.sweeper.SweepEvent;
import dev.driftwatch.sweeper.SweepStatus;
import dev.driftwatch.sweeper.SweepView;
import dev.driftwatch.testsupport.EventSchemas;
import dev.driftwatch.ticket.ActionKind;
import dev.driftwatch.ticket.ActionStatus;
import dev.driftwatch.ticket.TicketChange;
import dev.driftwatch.ticket.TicketEvent;
import dev.driftwatch.ticket.TicketStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published schemas ({@code docs/events}) and the records agree field for field, and what the codec
 * writes is valid and reads back into the same record. A new event family adds its format to {@link #formats()}.
 */
class EventSchemaTest {

    private static final EventCodec CODEC = EventCodec.standalone();
    private static final Instant SEEN = Instant.parse("2026-12-02T09:30:00.123456Z");

    static Stream<EventFormat<?, ?>> formats() {
        return Stream.of(
                FindingEvent.FORMAT,
                ScanRequested.FORMAT,
                AuditRecorded.FORMAT,
                RemediationEvent.FORMAT,
                TicketEvent.FORMAT,
                SweepEvent.FORMAT);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void eachRecordsFieldsAreTheSchemasProperties(EventFormat<?, ?> format) {
        JsonNode root = EventSchemas.root(format.topic());
        assertThat(EventSchemas.disagreements(
                        format.dataClass(), root, root.path("properties").path("data")))
                .as("%s against %s", format.dataClass().getName(), EventSchemas.file(format.topic()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void eachTopicsTypesSourceAndVersionAreThoseOfItsSchema(EventFormat<?, ?> format) {
        JsonNode properties = EventSchemas.root(format.topic()).path("properties");
        Set<String> types = new HashSet<>();
        properties.path("type").path("enum").forEach(t -> types.add(t.asText()));
        if (properties.path("type").has("const")) {
            types.add(properties.path("type").path("const").asText());
        }
        assertThat(types).isEqualTo(format.types());
        assertThat(properties.path("source").path("const").asText()).isEqualTo("urn:driftwatch:" + format.topic());
        assertThat(format.schemaVersion())
                .matches(properties.path("schemaversion").path("pattern").asText());
    }

    @Test
    void aFieldAddedToARecordButNotToTheSchemaIsFound() {
        record Grown(long scanId, String account, String region, String trigger, String priority) {}
        record Shrunk(long scanId, String account, String region) {}
        JsonNode root = EventSchemas.root(ScanRequested.TOPIC);
        JsonNode data = root.path("properties").path("data");
        assertThat(EventSchemas.disagreements(Grown.class, root, data))
                .containsExactly("Grown.priority is not in the schema");
        assertThat(EventSchemas.disagreements(Shrunk.class, root, data))
                .containsExactly("Shrunk.trigger is in the schema but not in the record");
    }

    @Test
    void findingEventsAsWrittenAreValidAndReadBackIntoTheSameRecord() {
        RemediationSpec revoke =
                new RemediationSpec(RemediationSpec.Mode.APPROVE, "revoke-world-ingress", "size(resource.ingress) > 0");
        RemediationSpec ticket = new RemediationSpec(RemediationSpec.Mode.TICKET, null, null);
        List<FindingEvent> events = List.of(
                new FindingEvent(FindingEvent.Change.OPENED, drift()),
                new FindingEvent(FindingEvent.Change.UPDATED, violation(revoke)),
                new FindingEvent(FindingEvent.Change.RESOLVED, violation(ticket)),
                new FindingEvent(FindingEvent.Change.ACCEPTED, violation(null)));
        for (FindingEvent event : events) {
            String message = CODEC.write(event, UUID.randomUUID(), SEEN);
            assertThat(EventSchemas.violations(FindingEvent.TOPIC, message))
                    .as(message)
                    .isEmpty();
            ReceivedEvent<FindingEvent> read = CODEC.read(message, FindingEvent.FORMAT);
            assertThat(read.event()).isEqualTo(event);
            assertThat(read.subject()).isEqualTo(event.data().fingerprint());
            assertThat(read.time()).isEqualTo(SEEN);
            assertThat(read.schemaVersion()).isEqualTo("1.1");
        }
        assertThat(CODEC.write(events.get(3), UUID.randomUUID(), SEEN))
                .as("a policy without remediation")
                .doesNotContain("remediation");
    }

    @Test
    void ticketEventsAsWrittenAreValidAndReadBackIntoTheSameRecord() {
        TicketChange created = new TicketChange(
                3,
                11,
                ActionKind.CREATE,
                ActionStatus.DONE,
                "fp-violation",
                "github",
                "1347",
                "https://github.com/acme/infra/issues/1347",
                TicketStatus.OPEN,
                8,
                3,
                null,
                1,
                null,
                SEEN);
        TicketChange failed = new TicketChange(
                4,
                12,
                ActionKind.COMMENT,
                ActionStatus.FAILED,
                "fp-violation",
                "builtin",
                null,
                null,
                TicketStatus.CLOSED_BY_PERSON,
                8,
                4,
                3L,
                2,
                "answered 404: Not Found",
                SEEN);
        for (TicketEvent event : List.of(
                new TicketEvent(TicketEvent.Kind.CREATED, created), new TicketEvent(TicketEvent.Kind.FAILED, failed))) {
            String message = CODEC.write(event, UUID.randomUUID(), SEEN);
            assertThat(EventSchemas.violations(TicketEvent.TOPIC, message))
                    .as(message)
                    .isEmpty();
            assertThat(CODEC.read(message, TicketEvent.FORMAT).event()).isEqualTo(event);
            assertThat(CODEC.read(message, TicketEvent.FORMAT).subject()).isEqualTo("fp-violation");
        }
    }

    @Test
    void sweepEventsAsWrittenAreValidAndReadBackIntoTheSameRecord() {
        SweepView completed = new SweepView(
                7,
                "444444444444",
                SweepStatus.COMPLETED,
                false,
                "token:bob",
                null,
                "token:carol",
                SEEN,
                SEEN,
                SEEN,
                SEEN,
                List.of("aws_lambda_function in eu-west-1: AccessDenied"),
                Map.of("DELETE", 12L, "PROTECTED_TAG", 2L),
                Map.of("DELETED", 11L, "LEFT", 1L));
        SweepEvent event = new SweepEvent(SweepEvent.Step.COMPLETED, completed);
        String message = CODEC.write(event, UUID.randomUUID(), SEEN);
        assertThat(EventSchemas.violations(SweepEvent.TOPIC, message))
                .as(message)
                .isEmpty();
        assertThat(CODEC.read(message, SweepEvent.FORMAT).event()).isEqualTo(event);
        assertThat(CODEC.read(message, SweepEvent.FORMAT).subject()).isEqualTo("444444444444");
        assertThat(EventSchemas.violations(SweepEvent.TOPIC, message.replace("\"LEFT\"", "\"VANISHED\"")))
                .isNotEmpty();
    }

    @Test
    void scanRequestsAsWrittenAreValidAndReadBackIntoTheSameRecord() {
        ScanRequested event = new ScanRequested(new ScanRequested.Request(42, "123456789012", "eu-west-1", "schedule"));
        String message = CODEC.write(event, UUID.randomUUID(), SEEN);
        assertThat(EventSchemas.violations(ScanRequested.TOPIC, message)).isEmpty();
        assertThat(CODEC.read(message, ScanRequested.FORMAT).event()).isEqualTo(event);
        assertThat(CODEC.read(message, ScanRequested.FORMAT).subject()).isEqualTo("123456789012/eu-west-1");
    }

    @Test
    void theSchemaRefusesAnEventThatBreaksIt() {
        String valid = CODEC.write(new FindingEvent(FindingEvent.Change.OPENED, drift()), UUID.randomUUID(), SEEN);
        assertThat(EventSchemas.violations(FindingEvent.TOPIC, valid.replace("\"CHANGED\"", "\"SIDEWAYS\"")))
                .isNotEmpty();
        assertThat(EventSchemas.violations(FindingEvent.TOPIC, valid.replace("\"fingerprint\":", "\"fingerprints\":")))
                .isNotEmpty();
        assertThat(EventSchemas.violations(ScanRequested.TOPIC, valid)).isNotEmpty();
    }

    @Test
    void theCodecRefusesWhatItCannotReadFaithfully() {
        String valid = CODEC.write(new FindingEvent(FindingEvent.Change.OPENED, drift()), UUID.randomUUID(), SEEN);
        String later = valid.replace("\"schemaversion\":\"1.1\"", "\"schemaversion\":\"1.7\"");
        assertThat(CODEC.read(later, FindingEvent.FORMAT).event().data().kind())
                .as("a later minor version")
                .isEqualTo(FindingKind.CHANGED);
        String major = valid.replace("\"schemaversion\":\"1.1\"", "\"schemaversion\":\"2\"");
        assertThatThrownBy(() -> CODEC.read(major, FindingEvent.FORMAT))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("schema version 2");
        assertThatThrownBy(() -> CODEC.read(valid.replace("finding.opened", "finding.exploded"), FindingEvent.FORMAT))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> CODEC.read(
                        valid.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""), FindingEvent.FORMAT))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> CODEC.read(valid, ScanRequested.FORMAT)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> CODEC.read("not json", FindingEvent.FORMAT))
                .isInstanceOf(UnreadableEventException.class);
    }

    private static FindingView drift() {
        return new FindingView(
                7,
                "fp-drift",
                FindingKind.CHANGED,
                FindingStatus.OPEN,
                2,
                "123456789012",
                "eu-west-1",
                "aws_security_group",
                "sg-0abc",
                null,
                null,
                null,
                null,
                List.of(),
                "aws_security_group.web",
                "network/terraform.tfstate",
                List.of(
                        new AttributeDiff("tags.Team", "platform-web", "platform"),
                        new AttributeDiff("ingress", List.of(Map.of("from_port", 22)), null)),
                SEEN,
                SEEN.plusSeconds(60),
                null,
                null);
    }

    private static FindingView violation(RemediationSpec remediation) {
        return new FindingView(
                8,
                "fp-violation",
                FindingKind.VIOLATION,
                FindingStatus.RESOLVED,
                3,
                "123456789012",
                "global",
                "aws_s3_bucket",
                "logs",
                "s3-bucket-public",
                "HIGH",
                "Buckets are not public",
                "bucket logs is public",
                List.of("CIS-AWS-2.1.5"),
                null,
                null,
                List.of(),
                SEEN,
                SEEN,
                SEEN.plusSeconds(5),
                remediation);
    }
}
