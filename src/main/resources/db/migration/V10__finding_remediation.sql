-- A violated policy's remediation section (mode, action, precondition), carried into the finding and its
-- events; null for drift and for policies without one.
alter table finding add column remediation jsonb;
