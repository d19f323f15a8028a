// Package store keeps the events table: one row per listing id, in PostgreSQL
// (pgx v5, pgxpool) when Config.URL is set, or else in an SQLite file
// (modernc.org/sqlite, pure Go). Both backends pass the same test suite.
// Store checks arguments, fills in defaults and pages; the SQL of each
// database is behind the small backend interface of store.go, implemented
// by pgStore (postgres.go) and sqliteStore (sqlite.go).
//
// # Tables
//
//   - events: the record's fields as columns (starts_at, ends_at, fetched_at
//     timestamptz on PostgreSQL, fixed-width UTC text on SQLite; reasons as a
//     JSON array), plus content_hash (event.ContentHash), on SQLite
//     search_text (title, description, venue, organizer, NFKC-folded and
//     lower-cased, for Query.Q; PostgreSQL folds them at query time with
//     lower(normalize(…, NFKC))), first_seen_at, updated_at, last_seen_at,
//     classified_at and revision. The facts (fee_yen_min, fee_yen_max,
//     capacity, apply_by, members_only, format, apply_url) are NULL where
//     the listing does not state them; Query filters on them (Free, Open,
//     Online, ApplyAfter). canonical_id is the event a listing is a copy of
//     (its own id when alone), is_primary marks the listing that stands for
//     its event, match_key is dedup.MatchKey (day, municipality, the title's
//     numbers). Indexed on id (the key), starts_at, (label, starts_at),
//     (area, starts_at) and first_seen_at DESC on PostgreSQL, each of the
//     last four with id after it on SQLite; on match_key, and on
//     canonical_id where it is not the row's id.
//   - upcoming_events: a view of events that start or end from now on, by
//     starts_at.
//   - events_stamp: one row, changed_at, moved by every write that changes
//     anything a reader sees; Stamp reads it.
//   - schema_migrations: the versions applied from the embedded
//     migrations/<backend>/NNNN_name.sql files.
//
// # Guarantees
//
//   - Upsert writes a batch in one transaction, all or nothing. On PostgreSQL
//     the events the table does not hold yet are COPYed straight into it and
//     the others COPYed into a temporary table and merged with one
//     INSERT … ON CONFLICT (every event is merged when another writer stored
//     one of the new ones first); on SQLite the batch runs through one
//     prepared upsert in an immediate transaction on the single writer
//     connection.
//   - updated_at moves, and revision grows by one, only when content_hash
//     changes; last_seen_at moves on every upsert; first_seen_at never moves.
//     The classification (label, score, reasons, rules_version) is always
//     that of the latest record, so a redelivered or reclassified
//     message is harmless.
//   - Stamp.LastChange moves forward, in commit order, with every commit that
//     inserts a row or changes content or classification, and only then.
//   - Query pages by keyset: a cursor names the last row's sort key, so pages
//     neither repeat nor skip rows while the table changes around them.
//     With OnePerEvent it returns each event's primary listing once, its
//     other listings beside it.
//   - Upsert never changes a stored row's event; Group decides events, by
//     dedup.Assign over the listings of the batch's days and
//     municipalities, and writes its decisions under a lock that no other
//     Group of any process holds meanwhile (an advisory lock on PostgreSQL,
//     the single writer connection on SQLite). A batch that changes
//     nothing takes no lock.
//   - Migrations are forward-only; applying them again is a no-op. On
//     PostgreSQL they run under pg_advisory_lock, on SQLite in one immediate
//     transaction, so processes opening the store at once apply each once.
//
// All SQL is written by hand next to the method that runs it; values are
// always parameters. deploy/postgres/reader.sql creates kouryu_reader, a role
// that may only read events and upcoming_events.
package store
