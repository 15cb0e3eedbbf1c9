package dev.driftwatch.scan;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Fired by Quartz on one replica each interval: requests a scan of every (account, region). Quartz only
 * decides when; replicas take the queued scans from PostgreSQL ({@link ScanWorker}). A target whose scan of
 * an earlier round still waits or runs is not queued again.
 */
@Dependent
@DisallowConcurrentExecution
public class ScanRoundJob implements Job {

    private static final Logger LOG = Logger.getLogger(ScanRoundJob.class);

    private final ScanRequests requests;
    private final Event<ScanRoundStarted> roundStarted;

    ScanRoundJob(ScanRequests requests, Event<ScanRoundStarted> roundStarted) {
        this.requests = requests;
        this.roundStarted = roundStarted;
    }

    @Override
    public void execute(JobExecutionContext context) {
        roundStarted.fire(new ScanRoundStarted());
        try {
            LOG.infof(
                    "Scan round: %d scans requested",
                    requests.requestAll("schedule").size());
        } catch (RuntimeException e) {
            LOG.errorf("Scan round could not be requested: %s", e.getMessage());
        }
    }
}
