package dev.driftwatch.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every replica consumes {@code driftwatch.scan-requests} in one consumer group: each takes the
 * partitions, and so the (account, region) keys, it is assigned, and runs their scans.
 */
@ApplicationScoped
public class ScanRequestConsumer {

    private static final Logger LOG = Logger.getLogger(ScanRequestConsumer.class);

    private final ScanService scans;
    private final ObjectMapper mapper;

    ScanRequestConsumer(ScanService scans, ObjectMapper mapper) {
        this.scans = scans;
        this.mapper = mapper;
    }

    @Incoming("scan-requests")
    @Blocking(ordered = false)
    public void onRequest(String event) {
        try {
            JsonNode data = mapper.readTree(event).path("data");
            scans.run(data.path("scanId").asLong(), new ScanTarget(data.path("account").asText(), data.path("region").asText()));
        } catch (Exception e) {
            // A request that cannot be read cannot be retried into sense: log it and move on.
            LOG.errorf("Ignoring an unreadable scan request: %s", e.getMessage());
        }
    }
}
