-- The scan a remediation was decided from (its finding's last_seen: one instant per scan of an account and
-- region), so that only so many automatic fixes start from one scan of an account.
alter table remediation add column scan_seen_at timestamptz;
create index remediation_auto_per_scan on remediation (account, scan_seen_at) where mode = 'AUTO';
