package dev.driftwatch.sweeper;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Keeps one durable Quartz job that queues a sweep of every listed sandbox at {@code driftwatch.sweeper.cron}.
 * Quartz runs clustered on the database, so one replica fires each night; a night missed while every replica was
 * down is not replayed.
 */
@ApplicationScoped
public class SweepScheduler {

    private static final JobKey NIGHTLY = JobKey.jobKey("sweep-nightly", "driftwatch");
    private static final TriggerKey BY_CRON = TriggerKey.triggerKey("sweep-nightly-cron", "driftwatch");

    private final Instance<Scheduler> scheduler; // looked up only when sweeps are on: the check runs without Quartz
    private final SweeperConfig config;

    SweepScheduler(Instance<Scheduler> scheduler, SweeperConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    void schedule(@Observes StartupEvent event) throws SchedulerException {
        if (!config.enabled() || config.accounts().isEmpty()) {
            return;
        }
        Scheduler quartz = scheduler.get();
        quartz.addJob(
                JobBuilder.newJob(SweepJob.class)
                        .withIdentity(NIGHTLY)
                        .storeDurably()
                        .build(),
                true);
        TimeZone zone = TimeZone.getTimeZone(config.timeZone());
        Trigger existing = quartz.getTrigger(BY_CRON);
        if (existing instanceof CronTrigger cron
                && cron.getCronExpression().equals(config.cron())
                && cron.getTimeZone().getID().equals(zone.getID())) {
            return; // another replica (or an earlier start) set it up already
        }
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(BY_CRON)
                .forJob(NIGHTLY)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.cron())
                        .inTimeZone(zone)
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        if (existing == null) {
            quartz.scheduleJob(trigger);
        } else {
            quartz.rescheduleJob(BY_CRON, trigger);
        }
    }
}
