package dev.driftwatch.scan;

import dev.driftwatch.finding.Outbox;
import dev.driftwatch.finding.OutboxRelay;
import dev.driftwatch.inventory.AccountRegistry;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/**
 * Turns "scan these targets" into queued scan records and messages on {@code driftwatch.scan-requests}
 * (key {@code account/region}), written through the outbox in the same transaction: a request is never
 * lost while Kafka is down, and every replica of the consumer group takes its share.
 */
@ApplicationScoped
public class ScanRequests {

    public static final String TOPIC = "driftwatch.scan-requests";
    static final String SCHEMA_VERSION = "1";

    /** What a scan-request message carries. */
    public record ScanRequest(long scanId, String account, String region, String trigger) {
    }

    private final ScanRuns runs;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AccountRegistry accounts;

    ScanRequests(ScanRuns runs, Outbox outbox, OutboxRelay relay, AccountRegistry accounts) {
        this.runs = runs;
        this.outbox = outbox;
        this.relay = relay;
        this.accounts = accounts;
    }

    public List<ScanView> requestAll(String trigger) {
        return request(accounts.targets(), trigger);
    }

    public List<ScanView> request(List<ScanTarget> targets, String trigger) {
        List<ScanView> queued = QuarkusTransaction.requiringNew().call(() -> targets.stream().map(target -> {
            ScanView scan = runs.queue(target, trigger);
            outbox.enqueue(TOPIC, target.toString(), "scan.requested", SCHEMA_VERSION,
                    new ScanRequest(scan.id(), target.account(), target.region(), trigger));
            return scan;
        }).toList());
        relay.nudge();
        return queued;
    }
}
