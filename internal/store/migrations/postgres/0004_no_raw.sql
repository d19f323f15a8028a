-- 0004: the raw column is gone. It held the record as received, as jsonb,
-- beside the columns that already hold every field of it: each write parsed
-- ~2 KB of JSON into jsonb and stored, logged and compressed the description
-- a second time. `kouryu reclassify` now rebuilds the record from the columns
-- (times at the second, as the pipeline keeps them).
ALTER TABLE events DROP COLUMN raw;
