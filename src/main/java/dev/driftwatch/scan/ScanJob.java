package dev.driftwatch.scan;

import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job behind every scan of one region. {@link DisallowConcurrentExecution} holds across the
 * cluster (JDBC store), so a region is never scanned twice at the same time: a second request waits.
 */
@Dependent
@DisallowConcurrentExecution
public class ScanJob implements Job {

    static final String SCAN_ID = "scanId";
    static final String REGION = "region";

    private final ScanService scans;
    private final ScanRuns runs;

    ScanJob(ScanService scans, ScanRuns runs) {
        this.scans = scans;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        long scanId = data.containsKey(SCAN_ID)
                ? data.getLongValueFromString(SCAN_ID)
                : runs.queue(data.getString(REGION), "schedule").id();
        scans.run(scanId);
    }
}
