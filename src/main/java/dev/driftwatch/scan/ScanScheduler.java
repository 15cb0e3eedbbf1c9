package dev.driftwatch.scan;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Keeps one durable Quartz job that starts a scan round every {@code driftwatch.scan.interval}. Quartz
 * runs clustered on the database, so one replica fires each round; missed rounds (all replicas down)
 * are skipped rather than replayed.
 */
@ApplicationScoped
public class ScanScheduler {

    private static final JobKey ROUND = JobKey.jobKey("scan-round", "driftwatch");
    private static final TriggerKey EVERY_INTERVAL = TriggerKey.triggerKey("scan-round-every-interval", "driftwatch");
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(10);

    private final Instance<Scheduler> scheduler; // looked up only when scans are on: the check runs without Quartz
    private final ScanConfig config;
    private final Clock clock;

    ScanScheduler(Instance<Scheduler> scheduler, ScanConfig config, Clock clock) {
        this.scheduler = scheduler;
        this.config = config;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent event) throws SchedulerException {
        if (!config.enabled()) {
            return;
        }
        Scheduler quartz = scheduler.get();
        if (config.interval().compareTo(SHORTEST_INTERVAL) < 0) {
            throw new IllegalArgumentException("driftwatch.scan.interval must be at least "
                    + SHORTEST_INTERVAL.toSeconds() + "s, was " + config.interval());
        }
        quartz.addJob(
                JobBuilder.newJob(ScanRoundJob.class)
                        .withIdentity(ROUND)
                        .storeDurably()
                        .build(),
                true);
        long intervalMillis = config.interval().toMillis();
        Trigger existing = quartz.getTrigger(EVERY_INTERVAL);
        if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == intervalMillis) {
            return; // another replica (or an earlier start) already set it up; keep its timing
        }
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(EVERY_INTERVAL)
                .forJob(ROUND)
                .startAt(Date.from(clock.instant().plus(config.initialDelay())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(intervalMillis)
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        if (existing == null) {
            quartz.scheduleJob(trigger);
        } else {
            quartz.rescheduleJob(EVERY_INTERVAL, trigger);
        }
    }
}
