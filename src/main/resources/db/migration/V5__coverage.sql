-- IaC coverage: the latest complete figures per (account, region, type). Scans run on several replicas and
-- may finish out of order: a row is only replaced by a scan requested later (higher scan id).
create table iac_coverage (
    account       varchar(64)  not null,
    region        varchar(64)  not null,
    resource_type varchar(128) not null,
    managed       integer      not null,
    unmanaged     integer      not null,
    aws_managed   integer      not null,
    scan_id       bigint       not null,
    recorded_at   timestamptz  not null,
    primary key (account, region, resource_type)
);
