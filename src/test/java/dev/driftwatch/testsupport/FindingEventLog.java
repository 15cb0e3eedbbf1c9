package dev.driftwatch.testsupport;

import dev.driftwatch.finding.FindingEvent;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.outbox.EventCodec;
import dev.driftwatch.outbox.ReceivedEvent;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Reads {@code driftwatch.findings} from the beginning, as a downstream consumer would. Other tests share
 * the topic, so assertions look only at the keys (fingerprints) of the test's own findings, and only at
 * events sent since this log was made (another test may have had a finding with the same fingerprint).
 */
public final class FindingEventLog implements AutoCloseable {

    /** One event as a consumer sees it, read with the service's own {@link EventCodec}. */
    public record Event(
            String key, String type, String subject, String specVersion, String schemaVersion, FindingView data) {

        static Event of(String key, ReceivedEvent<FindingEvent> received) {
            return new Event(
                    key,
                    received.type(),
                    received.subject(),
                    received.specVersion(),
                    received.schemaVersion(),
                    received.event().data());
        }
    }

    private static final EventCodec CODEC = EventCodec.standalone();

    private final KafkaCompanion companion = KafkaBroker.companion();
    private final ConsumerTask<String, String> consumer =
            companion.consumeStrings().fromTopics("driftwatch.findings");
    private final long since;

    /** Sees the events sent from now on. */
    public FindingEventLog() {
        this(System.currentTimeMillis());
    }

    /**
     * Sees the events sent since {@code sinceMillis}: for events a producer sent before the log could be
     * opened (while the broker was down, say), which carry the time they were first sent.
     */
    public FindingEventLog(long sinceMillis) {
        this.since = sinceMillis;
    }

    /** Waits until at least {@code count} events for these keys have arrived, then returns all of them. */
    public List<Event> await(Collection<String> keys, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> eventsFor(keys).size() >= count);
        return eventsFor(keys);
    }

    public List<Event> eventsFor(Collection<String> keys) {
        return consumer.getRecords().stream()
                .filter(r -> r.timestamp() >= since && keys.contains(r.key()))
                .map(r -> Event.of(r.key(), CODEC.read(r.value(), FindingEvent.FORMAT)))
                .toList();
    }

    @Override
    public void close() {
        consumer.stop();
        companion.close();
    }
}
