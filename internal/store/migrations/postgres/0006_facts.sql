-- 0006: what a person needs to decide whether to go, as the listing states
-- it. NULL where it does not: a fee of 0 is free, members_only false says
-- others may come, and neither is the same as not stated.
ALTER TABLE events
    ADD COLUMN fee_yen_min  integer,
    ADD COLUMN fee_yen_max  integer,
    ADD COLUMN capacity     integer,
    ADD COLUMN apply_by     timestamptz,
    ADD COLUMN members_only boolean,
    ADD COLUMN format       text,
    ADD COLUMN apply_url    text;

-- The view shows them too; new columns go at its end, as CREATE OR REPLACE
-- VIEW requires, and the grants of deploy/postgres/reader.sql stay.
CREATE OR REPLACE VIEW upcoming_events AS
SELECT id, source, url, title, description, starts_at, ends_at, all_day,
       venue, address, area, organizer, fee, status, fetched_at,
       label, score, reasons, rules_version,
       first_seen_at, updated_at, last_seen_at, revision,
       fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url
FROM events
WHERE starts_at >= now() OR ends_at >= now()
ORDER BY starts_at, id;
