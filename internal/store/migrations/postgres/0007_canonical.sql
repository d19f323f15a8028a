-- 0007: listings of one event. The same gathering listed by its organiser,
-- a chamber and a portal is three rows, one per listing; they share
-- canonical_id, the id of the event they are copies of (a row's own id when
-- no other source lists its event). is_primary marks the listing that
-- stands for its event (the organiser's page before a portal's): readers
-- show one row per event, the primary one. match_key is the day,
-- municipality and title numbers of a listing (package dedup), by which the
-- publisher finds the listings a new one may be a copy of. Rows stored
-- before get their match_key, and their events, when the store opens.
ALTER TABLE events
    ADD COLUMN canonical_id text COLLATE "C",
    ADD COLUMN is_primary boolean NOT NULL DEFAULT true,
    ADD COLUMN match_key text COLLATE "C" NOT NULL DEFAULT '';
UPDATE events SET canonical_id = id;
ALTER TABLE events ALTER COLUMN canonical_id SET NOT NULL;

-- The listings of an event other than the one whose id it has: most rows
-- are alone (canonical_id = id) and found by their key.
CREATE INDEX events_canonical_id_idx ON events (canonical_id) WHERE canonical_id <> id;
CREATE INDEX events_match_key_idx ON events (match_key);

CREATE OR REPLACE VIEW upcoming_events AS
SELECT id, source, url, title, description, starts_at, ends_at, all_day,
       venue, address, area, organizer, fee, status, fetched_at,
       label, score, reasons, rules_version,
       first_seen_at, updated_at, last_seen_at, revision,
       fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url,
       canonical_id, is_primary
FROM events
WHERE starts_at >= now() OR ends_at >= now()
ORDER BY starts_at, id;
