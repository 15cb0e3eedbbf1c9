package dev.driftwatch.scan;

import dev.driftwatch.inventory.InventoryConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Keeps one durable Quartz job per region with a repeating trigger, and starts scans on request. Quartz
 * decides when; missed runs (all replicas down) are skipped rather than replayed.
 */
@ApplicationScoped
public class ScanScheduler {

    private static final String GROUP = "driftwatch-scan";
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(10);

    private final Scheduler quartz;
    private final ScanConfig config;
    private final InventoryConfig inventory;
    private final ScanRuns runs;

    ScanScheduler(Scheduler quartz, ScanConfig config, InventoryConfig inventory, ScanRuns runs) {
        this.quartz = quartz;
        this.config = config;
        this.inventory = inventory;
        this.runs = runs;
    }

    void schedule(@Observes StartupEvent event) throws SchedulerException {
        if (config.interval().compareTo(SHORTEST_INTERVAL) < 0) {
            throw new IllegalArgumentException("driftwatch.scan.interval must be at least " + SHORTEST_INTERVAL.toSeconds()
                    + "s, was " + config.interval());
        }
        for (String region : inventory.regions()) {
            JobDetail job = JobBuilder.newJob(ScanJob.class)
                    .withIdentity(jobKey(region))
                    .usingJobData(ScanJob.REGION, region)
                    .storeDurably()
                    .build();
            quartz.addJob(job, true);
            ensureSchedule(region);
        }
    }

    private void ensureSchedule(String region) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey("every-" + region, GROUP);
        long intervalMillis = config.interval().toMillis();
        Trigger existing = quartz.getTrigger(key);
        if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == intervalMillis) {
            return; // another replica (or an earlier start) already set it up; keep its timing
        }
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(jobKey(region))
                .startAt(Date.from(Instant.now().plus(config.initialDelay())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(intervalMillis)
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        if (existing == null) {
            quartz.scheduleJob(trigger);
        } else {
            quartz.rescheduleJob(key, trigger);
        }
    }

    /** Queues a scan of each region now; a region already being scanned runs it right after. */
    public List<ScanView> scanNow(List<String> regions) throws SchedulerException {
        List<String> unknown = regions.stream().filter(r -> !inventory.regions().contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not a configured region: " + String.join(", ", unknown)
                    + " (driftwatch.inventory.regions = " + String.join(",", inventory.regions()) + ")");
        }
        List<ScanView> queued = regions.stream().map(r -> runs.queue(r, "api")).toList();
        for (ScanView scan : queued) {
            JobDataMap data = new JobDataMap();
            data.put(ScanJob.SCAN_ID, Long.toString(scan.id())); // Quarkus stores job data as properties: strings only
            quartz.triggerJob(jobKey(scan.region()), data);
        }
        return queued;
    }

    public List<String> regions() {
        return inventory.regions();
    }

    private static JobKey jobKey(String region) {
        return JobKey.jobKey(region, GROUP);
    }
}
