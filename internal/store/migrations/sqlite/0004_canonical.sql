-- 0004: listings of one event, as on PostgreSQL (0007): canonical_id is the
-- id of the event a listing is a copy of, is_primary marks the listing that
-- stands for it, match_key is what the publisher finds candidates by.
ALTER TABLE events ADD COLUMN canonical_id TEXT NOT NULL DEFAULT '';
UPDATE events SET canonical_id = id;
ALTER TABLE events ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN match_key TEXT NOT NULL DEFAULT '';

CREATE INDEX events_canonical_id_idx ON events (canonical_id) WHERE canonical_id <> id;
CREATE INDEX events_match_key_idx ON events (match_key);

DROP VIEW upcoming_events;
CREATE VIEW upcoming_events AS
SELECT id, source, url, title, description, starts_at, ends_at, all_day,
       venue, address, area, organizer, fee, status, fetched_at,
       label, score, reasons, rules_version,
       first_seen_at, updated_at, last_seen_at, revision,
       fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url,
       canonical_id, is_primary
FROM events
WHERE starts_at >= strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
   OR ends_at >= strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
ORDER BY starts_at, id;
