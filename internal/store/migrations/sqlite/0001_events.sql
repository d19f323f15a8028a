-- 0001: the events table, its change stamp and the upcoming_events view.
-- Times are UTC text of fixed width, 2006-01-02T15:04:05.000000Z, so text
-- order is time order.

CREATE TABLE events (
    id            TEXT PRIMARY KEY NOT NULL,
    source        TEXT NOT NULL,
    url           TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    starts_at     TEXT NOT NULL,
    ends_at       TEXT,
    all_day       INTEGER NOT NULL DEFAULT 0,
    venue         TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    area          TEXT NOT NULL DEFAULT '',
    organizer     TEXT NOT NULL DEFAULT '',
    fee           TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'scheduled',
    fetched_at    TEXT,
    label         TEXT NOT NULL DEFAULT '',
    score         REAL NOT NULL DEFAULT 0,
    reasons       TEXT NOT NULL DEFAULT '[]', -- JSON array
    rules_version TEXT NOT NULL DEFAULT '',
    content_hash  TEXT NOT NULL,
    search_text   TEXT NOT NULL DEFAULT '',
    first_seen_at TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    classified_at TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 0,
    raw           TEXT NOT NULL -- the record as received, JSON
);

CREATE INDEX events_starts_at_idx ON events (starts_at, id);
CREATE INDEX events_label_starts_at_idx ON events (label, starts_at, id);
CREATE INDEX events_area_starts_at_idx ON events (area, starts_at, id);
CREATE INDEX events_first_seen_at_idx ON events (first_seen_at DESC, id);

CREATE TABLE events_stamp (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    changed_at TEXT NOT NULL
);
INSERT INTO events_stamp (id, changed_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'));

CREATE VIEW upcoming_events AS
SELECT id, source, url, title, description, starts_at, ends_at, all_day,
       venue, address, area, organizer, fee, status, fetched_at,
       label, score, reasons, rules_version,
       first_seen_at, updated_at, last_seen_at, revision
FROM events
WHERE starts_at >= strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
   OR ends_at >= strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')
ORDER BY starts_at, id;
