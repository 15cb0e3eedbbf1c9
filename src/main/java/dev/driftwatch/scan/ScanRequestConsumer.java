package dev.driftwatch.scan;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every replica consumes {@code driftwatch.scan-requests} in one consumer group. A request only wakes this
 * replica's {@link ScanWorker}, which takes queued scans from PostgreSQL: the scan itself never depends on
 * the message, so a Kafka outage only makes replicas find work at their next look, and a message delivered
 * twice never runs a scan twice.
 */
@ApplicationScoped
public class ScanRequestConsumer {

    private final ScanWorker worker;

    ScanRequestConsumer(ScanWorker worker) {
        this.worker = worker;
    }

    @Incoming("scan-requests")
    public void onRequest(String event) {
        worker.nudge();
    }
}
