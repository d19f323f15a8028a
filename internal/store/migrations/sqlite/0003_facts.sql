-- 0003: what a person needs to decide whether to go, as on PostgreSQL
-- (0006). NULL where the listing does not say; members_only is 0 or 1,
-- apply_by fixed-width UTC text like the other times.
ALTER TABLE events ADD COLUMN fee_yen_min INTEGER;
ALTER TABLE events ADD COLUMN fee_yen_max INTEGER;
ALTER TABLE events ADD COLUMN capacity INTEGER;
ALTER TABLE events ADD COLUMN apply_by TEXT;
ALTER TABLE events ADD COLUMN members_only INTEGER;
ALTER TABLE events ADD COLUMN format TEXT;
ALTER TABLE events ADD COLUMN apply_url TEXT;

DROP VIEW upcoming_events;
CREATE VIEW upcoming_events AS
SELECT id, source, url, title, description, starts_at, ends_at, all_day,
       venue, address, area, organizer, fee, status, fetched_at,
       label, score, reasons, rules_version,
       first_seen_at, updated_at, last_seen_at, revision,
       fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url
FROM events
WHERE starts_at >= strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
   OR ends_at >= strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
ORDER BY starts_at, id;
