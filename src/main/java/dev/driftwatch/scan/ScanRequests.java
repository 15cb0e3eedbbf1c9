package dev.driftwatch.scan;

import dev.driftwatch.inventory.AccountRegistry;
import dev.driftwatch.outbox.Outbox;
import dev.driftwatch.outbox.OutboxRelay;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Turns "scan these targets" into queued scan records, at most one waiting or running scan per target: a
 * target already QUEUED or RUNNING answers with that scan, so rounds that pile up never replay as a storm.
 * Replicas take queued scans from PostgreSQL ({@link ScanWorker}); each new request also goes on
 * {@code driftwatch.scan-requests} ({@link ScanRequested}) through the outbox, only to wake replicas.
 */
@ApplicationScoped
public class ScanRequests {

    public static final String TOPIC = ScanRequested.TOPIC;

    private final ScanRuns runs;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AccountRegistry accounts;
    private final ScanWorker worker;
    private final ScanClaims claims;
    private final ScanConfig config;

    ScanRequests(
            ScanRuns runs,
            Outbox outbox,
            OutboxRelay relay,
            AccountRegistry accounts,
            ScanWorker worker,
            ScanClaims claims,
            ScanConfig config) {
        this.runs = runs;
        this.outbox = outbox;
        this.relay = relay;
        this.accounts = accounts;
        this.worker = worker;
        this.claims = claims;
        this.config = config;
    }

    public List<ScanView> requestAll(String trigger) {
        return request(accounts.targets(), trigger);
    }

    public List<ScanView> request(List<ScanTarget> targets, String trigger) {
        List<ScanView> queued = QuarkusTransaction.requiringNew().call(() -> {
            // a scan of a replica that is gone does not answer for its target: it is taken over
            claims.takeOverOrphans(config.replicaTimeout());
            return targets.stream()
                    .map(target -> {
                        ScanRuns.Queued request = runs.queueOnce(target, trigger);
                        if (request.created()) {
                            outbox.enqueue(new ScanRequested(new ScanRequested.Request(
                                    request.scan().id(), target.account(), target.region(), trigger)));
                        }
                        return request.scan();
                    })
                    .toList();
        });
        worker.nudge();
        relay.nudge();
        return queued;
    }
}
