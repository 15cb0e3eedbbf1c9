package dev.driftwatch.scan;

import dev.driftwatch.api.auth.AuthStatus;
import jakarta.enterprise.context.Dependent;
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
    private final AuthStatus auth;

    ScanRoundJob(ScanRequests requests, AuthStatus auth) {
        this.requests = requests;
        this.auth = auth;
    }

    @Override
    public void execute(JobExecutionContext context) {
        auth.warnIfOff();
        try {
            LOG.infof("Scan round: %d scans requested", requests.requestAll("schedule").size());
        } catch (RuntimeException e) {
            LOG.errorf("Scan round could not be requested: %s", e.getMessage());
        }
    }
}
