-- 0005: the four read indexes no longer end in id. Each index entry of a
-- 32-character id was three times the size of the key before it, and every
-- new row wrote four of them: the upsert of new rows spent a fifth of its
-- time there (make bench store, see the commit). Query still orders by
-- (starts_at, id) and (first_seen_at DESC, id): the index gives the first
-- key, and PostgreSQL sorts the few rows that share it (Incremental Sort);
-- a cursor's first key bounds the index scan.
DROP INDEX events_starts_at_idx;
DROP INDEX events_label_starts_at_idx;
DROP INDEX events_area_starts_at_idx;
DROP INDEX events_first_seen_at_idx;
CREATE INDEX events_starts_at_idx ON events (starts_at);
CREATE INDEX events_label_starts_at_idx ON events (label, starts_at);
CREATE INDEX events_area_starts_at_idx ON events (area, starts_at);
CREATE INDEX events_first_seen_at_idx ON events (first_seen_at DESC);
