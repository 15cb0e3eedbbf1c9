-- A scan whose replica stopped answering (or restarted) mid-scan is FAILED with the reason, and a new scan of the
-- same target is queued in the same transaction, pointing at it (retry_of), so that another replica takes the work
-- over; after driftwatch.scan.max-attempts attempts none is queued. A new row rather than the same one set back to
-- QUEUED: each run's history (who ran it, why it ended) stays as it was, and the one-active-scan index still holds.
alter table scan_run add column attempt integer not null default 1;
alter table scan_run add column retry_of bigint references scan_run (id);
