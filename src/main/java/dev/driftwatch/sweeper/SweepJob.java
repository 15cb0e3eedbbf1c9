package dev.driftwatch.sweeper;

import jakarta.enterprise.context.Dependent;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Fired by Quartz on one replica each night: queues a sweep of every listed sandbox; the workers run them. */
@Dependent
@DisallowConcurrentExecution
public class SweepJob implements Job {

    private static final Logger LOG = Logger.getLogger(SweepJob.class);

    private final SweepStore store;
    private final SandboxAccounts sandboxes;
    private final SweeperConfig config;
    private final SweepWorker worker;

    SweepJob(SweepStore store, SandboxAccounts sandboxes, SweeperConfig config, SweepWorker worker) {
        this.store = store;
        this.sandboxes = sandboxes;
        this.config = config;
        this.worker = worker;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            sandboxes.all().forEach(account -> store.queue(account.id(), "schedule", config.dryRun()));
            worker.nudge();
        } catch (RuntimeException e) {
            LOG.errorf("The nightly sweep could not be queued: %s", e.getMessage());
        }
    }
}
