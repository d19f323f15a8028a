-- 0001: the events table, its change stamp and the upcoming_events view.

CREATE TABLE events (
    id            text COLLATE "C" PRIMARY KEY,
    source        text NOT NULL,
    url           text NOT NULL,
    title         text NOT NULL,
    description   text NOT NULL DEFAULT '',
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz,
    all_day       boolean NOT NULL DEFAULT false,
    venue         text NOT NULL DEFAULT '',
    address       text NOT NULL DEFAULT '',
    -- COLLATE "C": byte order, so an area prefix is an index range scan.
    area          text COLLATE "C" NOT NULL DEFAULT '',
    organizer     text NOT NULL DEFAULT '',
    fee           text NOT NULL DEFAULT '',
    status        text NOT NULL DEFAULT 'scheduled',
    fetched_at    timestamptz,
    label         text NOT NULL DEFAULT '',
    score         double precision NOT NULL DEFAULT 0,
    reasons       jsonb NOT NULL DEFAULT '[]',
    rules_version text NOT NULL DEFAULT '',
    content_hash  text NOT NULL,
    -- title, description, venue and organizer, NFKC-folded and lower-cased
    -- by the store, for Query.Q.
    search_text   text NOT NULL DEFAULT '',
    first_seen_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL, -- moves only when content_hash changes
    last_seen_at  timestamptz NOT NULL, -- moves on every upsert
    classified_at timestamptz NOT NULL, -- moves when label, score, reasons or rules_version change
    revision      integer NOT NULL DEFAULT 0,
    raw           jsonb NOT NULL
);

CREATE INDEX events_starts_at_idx ON events (starts_at, id);
CREATE INDEX events_label_starts_at_idx ON events (label, starts_at, id);
CREATE INDEX events_area_starts_at_idx ON events (area, starts_at, id);
CREATE INDEX events_first_seen_at_idx ON events (first_seen_at DESC, id);

-- One row: moved, under its row lock, by every transaction that changes
-- events, so a reader's cache key changes in commit order.
CREATE TABLE events_stamp (
    id         integer PRIMARY KEY CHECK (id = 1),
    changed_at timestamptz NOT NULL
);
INSERT INTO events_stamp (id, changed_at) VALUES (1, now());

CREATE VIEW upcoming_events AS
SELECT id, source, url, title, description, starts_at, ends_at, all_day,
       venue, address, area, organizer, fee, status, fetched_at,
       label, score, reasons, rules_version,
       first_seen_at, updated_at, last_seen_at, revision
FROM events
WHERE starts_at >= now() OR ends_at >= now()
ORDER BY starts_at, id;
