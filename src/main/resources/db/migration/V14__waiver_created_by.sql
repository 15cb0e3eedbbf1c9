-- Who granted a waiver, from their authenticated identity (never from the request body). Waivers granted before
-- authentication existed have none.
alter table waiver add column created_by varchar(256);
