-- The fence of the target lock (lock/TargetLock): one row per target, its generation raised by every new
-- holder. A holder's write transactions lock the row and check the generation they were given, so a holder
-- whose session lock was lost (connection dropped, PostgreSQL restarted) can no longer write once another
-- has taken the target.
create table target_lease (
    target      varchar(256) primary key,
    generation  bigint       not null,
    purpose     varchar(32)  not null,
    holder      varchar(256) not null,
    acquired_at timestamptz  not null
);

-- Optimistic locking of findings: raised by Hibernate on every write (FindingEntity.rowVersion), apart from
-- version, which counts the finding's changes as its events report them.
alter table finding add column row_version bigint not null default 0;
