-- 0003: search_text is gone on PostgreSQL. Query.Q now folds title,
-- description, venue and organizer at query time (lower(normalize(…, NFKC))),
-- so a write no longer stores, TOASTs and compresses a folded second copy of
-- the description (make bench e2e: see the commit). SQLite keeps its
-- search_text column.
ALTER TABLE events DROP COLUMN search_text;
