-- 0002: the raw column is gone, as on PostgreSQL (0004): the columns hold
-- every field of the record, and `kouryu reclassify` rebuilds it from them.
ALTER TABLE events DROP COLUMN raw;
