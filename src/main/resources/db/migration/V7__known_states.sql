-- What each state source listed, so that a state that is no longer listed is "vanished" (unknown until
-- confirmed gone) rather than "nothing managed". One row per state; DELETE /api/states/{name} removes one.
create table known_state (
    name            varchar(2048) primary key,
    source          varchar(2048) not null,
    lineage         varchar(128),
    -- READ, FAILED, VANISHED or DESTROYED (read with no resources, as terraform destroy leaves a state)
    status          varchar(16)   not null,
    last_seen       timestamptz   not null,
    rounds_vanished integer       not null default 0
);
create index known_state_source on known_state (source);
