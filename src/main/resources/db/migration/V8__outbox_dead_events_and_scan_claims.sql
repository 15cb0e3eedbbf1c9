-- Outbox: a row Kafka refuses for good (too large, invalid, not authorised) is parked as dead after
-- driftwatch.outbox.max-attempts such refusals; later rows with its key wait behind it.
alter table outbox_event add column failures integer not null default 0;
alter table outbox_event add column dead_at timestamptz;
-- The relay takes, per (topic, key), only the oldest unpublished row.
create index outbox_unpublished_by_key on outbox_event (topic, message_key, id) where published_at is null;
create index outbox_published on outbox_event (published_at) where published_at is not null;

-- Scans are claimed from scan_run by any replica (Kafka only wakes them). At most one waiting or running
-- scan per target: requests for a target already QUEUED or RUNNING answer with that scan. Duplicates
-- (rounds queued up while Kafka was down) are closed first, keeping the oldest request of each target.
update scan_run s
   set status = 'FAILED', finished_at = now(),
       problems = '[{"part": "scan request", "reason": "superseded by an earlier request for the same target, still waiting"}]'
 where s.status in ('QUEUED', 'RUNNING')
   and exists (select 1 from scan_run n
                where n.account is not distinct from s.account and n.region = s.region
                  and n.status in ('QUEUED', 'RUNNING') and n.id < s.id);
create unique index scan_run_one_active on scan_run (account, region) nulls not distinct
    where status in ('QUEUED', 'RUNNING');
create index scan_run_queued on scan_run (id) where status = 'QUEUED';

-- Replicas that take scans say they are alive here; a RUNNING scan of a replica not seen for
-- driftwatch.scan.replica-timeout is failed, so its target can be scanned again.
create table scan_replica (
    instance varchar(255) primary key,
    seen_at  timestamptz  not null
);
