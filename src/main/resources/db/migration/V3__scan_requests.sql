-- Which instance ran a scan: scans are spread over replicas through driftwatch.scan-requests.
alter table scan_run add column scanned_by varchar(255);
create index scan_run_target on scan_run (account, region, id);
