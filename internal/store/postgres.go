package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"kouryu/internal/dedup"
	"kouryu/internal/event"
)

// migrateLockKey is the pg_advisory_lock key Migrate holds: "kouryu" in ASCII.
const migrateLockKey int64 = 0x6b6f757279750001

// pgStore is the table in PostgreSQL, through a pgx pool.
type pgStore struct {
	pool *pgxpool.Pool
}

func (p *pgStore) name() string                   { return "postgres" }
func (p *pgStore) ping(ctx context.Context) error { return p.pool.Ping(ctx) }
func (p *pgStore) close()                         { p.pool.Close() }

// foldsOnWrite: PostgreSQL folds the searched text at query time (see
// querySQL), which is cheaper than folding every write.
func (p *pgStore) foldsOnWrite() bool { return false }

func openPostgres(ctx context.Context, cfg Config) (*pgStore, error) {
	pc, err := pgxpool.ParseConfig(cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if cfg.MaxConns > 0 {
		pc.MaxConns = cfg.MaxConns
	}
	// Settings for small statements, each unless the URL sets it. JIT
	// compilation off: on a table whose statistics lag a burst of inserts
	// the planner's estimates pass jit_above_cost, and the server spent a
	// second compiling a lookup of one row (make bench dedup: 920 ms of
	// 1,022, at 1,000,000 rows). No parallel workers: starting them took 6
	// of the 12 ms of the grouping read of a batch, for an index lookup that
	// found nothing. A server that does not know a setting (JIT came in 11)
	// is no error.
	var settings []string
	for _, kv := range [][2]string{{"jit", "off"}, {"max_parallel_workers_per_gather", "0"}} {
		if _, set := pc.ConnConfig.RuntimeParams[kv[0]]; !set {
			settings = append(settings, "SET "+kv[0]+" = "+kv[1])
		}
	}
	pc.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		for _, st := range settings {
			var pe *pgconn.PgError
			if _, err := conn.Exec(ctx, st); err != nil && !(errors.As(err, &pe) && pe.Code == "42704") {
				return fmt.Errorf("%s: %w", st, err)
			}
		}
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, fmt.Errorf("open postgres pool: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect postgres: %w", err)
	}
	return &pgStore{pool: pool}, nil
}

// migrate applies the missing migrations under a session advisory lock held
// on one connection, each migration and its schema_migrations row in one
// transaction. It returns the names it applied.
func (p *pgStore) migrate(ctx context.Context) (applied []string, err error) {
	ms, err := migrations("postgres")
	if err != nil {
		return nil, err
	}
	conn, err := p.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: acquire connection: %w", err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLockKey); err != nil {
		conn.Release()
		return nil, fmt.Errorf("migrate: take advisory lock: %w", err)
	}
	defer func() {
		// The lock belongs to the session: a connection that could not
		// release it must not go back to the pool.
		if _, uerr := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLockKey); uerr != nil {
			_ = conn.Hijack().Close(context.WithoutCancel(ctx))
			return
		}
		conn.Release()
	}()

	if _, err := conn.Exec(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
		return nil, fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	done := map[int]bool{}
	rows, err := conn.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	for _, v := range versions {
		done[int(v)] = true
	}
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name)
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("migrate: apply %s: %w", m.name, err)
		}
		applied = append(applied, m.name)
	}
	return applied, nil
}

// pgIncomingColumns are the columns of the temporary table a batch is copied
// into, in the order of pgIncomingRow.
var pgIncomingColumns = []string{
	"id", "source", "url", "title", "description", "starts_at", "ends_at", "all_day",
	"venue", "address", "area", "organizer", "fee", "status", "fetched_at",
	"label", "score", "reasons", "rules_version", "content_hash",
	"fee_yen_min", "fee_yen_max", "capacity", "apply_by", "members_only", "format", "apply_url", "match_key",
}

func pgIncomingRow(in incoming) []any {
	e := in.ev
	return []any{
		e.ID, e.Source, e.URL, e.Title, e.Description, e.StartsAt, pgTime(e.EndsAt), e.AllDay,
		e.Venue, e.Address, e.Area, e.Organizer, e.Fee, string(e.Status), pgTime(e.FetchedAt),
		string(e.Label), e.Score, in.reasons, e.RulesVersion, in.hash,
		e.FeeYenMin, e.FeeYenMax, nullZero(e.Capacity), pgTime(e.ApplyBy), e.MembersOnly, nullZero(string(e.Format)), nullZero(e.ApplyURL), in.key,
	}
}

// nullZero is nil (SQL NULL) for the zero value: a fact the listing does
// not state.
func nullZero[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

// pgTime is nil (SQL NULL) for the zero time.
func pgTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// upsert writes the batch, its events in id order. The first attempt COPYs
// the events the table does not hold yet straight into it; one that another
// writer stored meanwhile fails that COPY (unique violation), and a batch
// PostgreSQL cancelled to break a deadlock fails too. Either is written
// again, up to pgUpsertAttempts times, with every event merged, which
// concurrent writers cannot fail.
func (p *pgStore) upsert(ctx context.Context, in []incoming) (UpsertResult, error) {
	slices.SortFunc(in, func(a, b incoming) int { return strings.Compare(a.ev.ID, b.ev.ID) })
	for attempt := 1; ; attempt++ {
		res, err := p.upsertOnce(ctx, in, attempt == 1)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && (pe.Code == pgDeadlock || pe.Code == pgUniqueViolation) && attempt < pgUpsertAttempts {
			continue
		}
		switch {
		case err == nil:
			return res, nil
		case pgRejected(err):
			return UpsertResult{}, fmt.Errorf("upsert %d events: %w: %w", len(in), ErrRejected, err)
		default:
			return UpsertResult{}, fmt.Errorf("upsert %d events: %w", len(in), err)
		}
	}
}

const (
	pgDeadlock        = "40P01"
	pgUniqueViolation = "23505"
	pgUpsertAttempts  = 3
)

// pgNewColumns are the columns a new event is COPYed into events with:
// pgIncomingColumns, the four times, all the transaction's now(), and its
// canonical_id: its own id, until Group finds its event listed elsewhere.
var pgNewColumns = append(slices.Clone(pgIncomingColumns),
	"first_seen_at", "updated_at", "last_seen_at", "classified_at", "canonical_id")

// upsertOnce writes the batch, sorted by id, in one transaction. With direct,
// the events the table does not hold yet are COPYed straight into it (every
// index is written once, with no conflict check or temporary copy: make
// bench store, see the commit), and only the others are merged. The rows are
// taken in id order, so two writers given the same events lock them in the
// same order: one waits for the other instead of deadlocking.
func (p *pgStore) upsertOnce(ctx context.Context, in []incoming, direct bool) (UpsertResult, error) {
	var res UpsertResult
	err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		known := in
		if direct {
			var (
				fresh []incoming
				now   time.Time
				err   error
			)
			fresh, known, now, err = pgSplitNew(ctx, tx, in)
			if err != nil {
				return err
			}
			if len(fresh) > 0 {
				src := pgx.CopyFromSlice(len(fresh), func(i int) ([]any, error) {
					return append(pgIncomingRow(fresh[i]), now, now, now, now, fresh[i].ev.ID), nil
				})
				if _, err := tx.CopyFrom(ctx, pgx.Identifier{"events"}, pgNewColumns, src); err != nil {
					return fmt.Errorf("copy new events: %w", err)
				}
				res.Inserted = len(fresh)
			}
		}
		reclassified, err := pgMerge(ctx, tx, known, &res)
		if err != nil {
			return err
		}
		if res.Inserted+res.Updated+reclassified == 0 {
			return nil
		}
		// Taken last, so writers queue on this row only for the commit.
		if _, err := tx.Exec(ctx, `
			UPDATE events_stamp
			SET changed_at = greatest(clock_timestamp(), changed_at + interval '1 microsecond')
			WHERE id = 1`); err != nil {
			return fmt.Errorf("move stamp: %w", err)
		}
		return nil
	})
	return res, err
}

// pgSplitNew returns the events of in that events does not hold (fresh) and
// those it does (known), each in the order of in, and the transaction's
// now().
func pgSplitNew(ctx context.Context, tx pgx.Tx, in []incoming) (fresh, known []incoming, now time.Time, err error) {
	ids := make([]string, len(in))
	for i := range in {
		ids[i] = in[i].ev.ID
	}
	var stored []string
	if err := tx.QueryRow(ctx, `SELECT now(), array(SELECT id FROM events WHERE id = ANY($1))`, ids).Scan(&now, &stored); err != nil {
		return nil, nil, time.Time{}, fmt.Errorf("look up stored ids: %w", err)
	}
	if len(stored) == 0 {
		return in, nil, now, nil
	}
	have := make(map[string]bool, len(stored))
	for _, id := range stored {
		have[id] = true
	}
	fresh = make([]incoming, 0, len(in)-len(stored))
	known = make([]incoming, 0, len(stored))
	for _, x := range in {
		if have[x.ev.ID] {
			known = append(known, x)
		} else {
			fresh = append(fresh, x)
		}
	}
	return fresh, known, now, nil
}

// pgMerge COPYs in into a temporary table and merges it into events with one
// INSERT … ON CONFLICT, adding to res what it did, and returns how many
// unchanged rows were classified anew. In RETURNING, xmax = 0 marks an
// inserted row; a changed row has updated_at = last_seen_at (both now()), an
// unchanged one keeps its older updated_at.
func pgMerge(ctx context.Context, tx pgx.Tx, in []incoming, res *UpsertResult) (reclassified int, err error) {
	if len(in) == 0 {
		return 0, nil
	}
	// The temporary table lives as long as the connection and is emptied by
	// every commit: creating and dropping it per batch wrote and deleted ~30
	// catalog rows each time. toast_tuple_target at its maximum keeps a row
	// uncompressed there: only events compresses the long values, once.
	if _, err := tx.Exec(ctx, `
		CREATE TEMPORARY TABLE IF NOT EXISTS events_in (
			id text COLLATE "C" NOT NULL, source text NOT NULL, url text NOT NULL,
			title text NOT NULL, description text NOT NULL,
			starts_at timestamptz NOT NULL, ends_at timestamptz, all_day boolean NOT NULL,
			venue text NOT NULL, address text NOT NULL, area text COLLATE "C" NOT NULL,
			organizer text NOT NULL, fee text NOT NULL, status text NOT NULL,
			fetched_at timestamptz, label text NOT NULL, score double precision NOT NULL,
			reasons jsonb NOT NULL, rules_version text NOT NULL,
			content_hash text NOT NULL,
			fee_yen_min integer, fee_yen_max integer, capacity integer, apply_by timestamptz,
			members_only boolean, format text, apply_url text,
			match_key text COLLATE "C" NOT NULL
		) WITH (toast_tuple_target = 8160) ON COMMIT DELETE ROWS`); err != nil {
		return 0, fmt.Errorf("create temporary table: %w", err)
	}
	src := pgx.CopyFromSlice(len(in), func(i int) ([]any, error) { return pgIncomingRow(in[i]), nil })
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"events_in"}, pgIncomingColumns, src); err != nil {
		return 0, fmt.Errorf("copy batch: %w", err)
	}
	var inserted, updated, unchanged int
	err = tx.QueryRow(ctx, `
		WITH merged AS (
			INSERT INTO events AS e (
				id, source, url, title, description, starts_at, ends_at, all_day,
				venue, address, area, organizer, fee, status, fetched_at,
				label, score, reasons, rules_version, content_hash,
				fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url, match_key,
				first_seen_at, updated_at, last_seen_at, classified_at, revision, canonical_id)
			SELECT id, source, url, title, description, starts_at, ends_at, all_day,
				venue, address, area, organizer, fee, status, fetched_at,
				label, score, reasons, rules_version, content_hash,
				fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url, match_key,
				now(), now(), now(), now(), 0, id
			FROM events_in
			ORDER BY id
			ON CONFLICT (id) DO UPDATE SET
				source = excluded.source, url = excluded.url, title = excluded.title,
				description = excluded.description, starts_at = excluded.starts_at,
				ends_at = excluded.ends_at, all_day = excluded.all_day, venue = excluded.venue,
				address = excluded.address, area = excluded.area, organizer = excluded.organizer,
				fee = excluded.fee, status = excluded.status, fetched_at = excluded.fetched_at,
				label = excluded.label, score = excluded.score, reasons = excluded.reasons,
				rules_version = excluded.rules_version, content_hash = excluded.content_hash,
				fee_yen_min = excluded.fee_yen_min, fee_yen_max = excluded.fee_yen_max,
				capacity = excluded.capacity, apply_by = excluded.apply_by,
				members_only = excluded.members_only, format = excluded.format, apply_url = excluded.apply_url,
				match_key = excluded.match_key, last_seen_at = excluded.last_seen_at,
				updated_at = CASE WHEN e.content_hash = excluded.content_hash
					THEN e.updated_at ELSE excluded.updated_at END,
				revision = CASE WHEN e.content_hash = excluded.content_hash
					THEN e.revision ELSE e.revision + 1 END,
				classified_at = CASE
					WHEN (e.label, e.score, e.reasons, e.rules_version)
						IS NOT DISTINCT FROM (excluded.label, excluded.score, excluded.reasons, excluded.rules_version)
					THEN e.classified_at ELSE excluded.classified_at END
			-- An older fetch redelivered after a newer one must not undo it.
			WHERE e.fetched_at IS NULL OR excluded.fetched_at IS NULL
				OR excluded.fetched_at >= e.fetched_at
			RETURNING (xmax = 0) AS inserted,
				updated_at = last_seen_at AS changed,
				classified_at = last_seen_at AS reclassified
		)
		SELECT count(*) FILTER (WHERE inserted),
			count(*) FILTER (WHERE NOT inserted AND changed),
			count(*) FILTER (WHERE NOT inserted AND NOT changed),
			count(*) FILTER (WHERE NOT inserted AND NOT changed AND reclassified)
		FROM merged`).Scan(&inserted, &updated, &unchanged, &reclassified)
	if err != nil {
		return 0, fmt.Errorf("merge batch: %w", err)
	}
	res.Inserted += inserted
	res.Updated += updated
	res.Unchanged += unchanged
	res.Stale += len(in) - inserted - updated - unchanged
	return reclassified, nil
}

// pgRejected reports whether err is PostgreSQL refusing data (SQLSTATE class
// 22, data exception: bad characters, out-of-range values), which no retry
// can cure.
func pgRejected(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && strings.HasPrefix(pe.Code, "22")
}

func (p *pgStore) query(ctx context.Context, q Query, after *cursor) ([]Row, error) {
	sql, args := querySQL(postgresDialect, q, after)
	out, err := p.rows(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	return out, nil
}

// rows runs a SELECT of rowColumns and reads every row it returns.
func (p *pgStore) rows(ctx context.Context, sql string, args ...any) ([]Row, error) {
	rows, err := p.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Row, error) { return scanPGRow(r) })
}

func (p *pgStore) get(ctx context.Context, id string) (Row, error) {
	r, err := scanPGRow(p.pool.QueryRow(ctx, `SELECT `+rowColumns+` FROM events WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Row{}, fmt.Errorf("get event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return Row{}, fmt.Errorf("get event %q: %w", id, err)
	}
	return r, nil
}

func scanPGRow(row pgx.Row) (Row, error) {
	var (
		r                          Row
		endsAt, fetchedAt, applyBy *time.Time
		status, label              string
		reasons                    []byte
		capacity                   *int
		format, applyURL           *string
	)
	e := &r.Event
	err := row.Scan(&e.ID, &e.Source, &e.URL, &e.Title, &e.Description, &e.StartsAt, &endsAt, &e.AllDay,
		&e.Venue, &e.Address, &e.Area, &e.Organizer, &e.Fee, &status, &fetchedAt,
		&label, &e.Score, &reasons, &e.RulesVersion,
		&r.FirstSeenAt, &r.UpdatedAt, &r.LastSeenAt, &r.Revision,
		&e.FeeYenMin, &e.FeeYenMax, &capacity, &applyBy, &e.MembersOnly, &format, &applyURL,
		&e.CanonicalID, &r.Primary)
	if err != nil {
		return Row{}, err
	}
	e.Status, e.Label = event.Status(status), event.Label(label)
	e.StartsAt = inTokyo(e.StartsAt)
	if endsAt != nil {
		e.EndsAt = inTokyo(*endsAt)
	}
	if fetchedAt != nil {
		e.FetchedAt = inTokyo(*fetchedAt)
	}
	if applyBy != nil {
		e.ApplyBy = inTokyo(*applyBy)
	}
	if capacity != nil {
		e.Capacity = *capacity
	}
	if format != nil {
		e.Format = event.Format(*format)
	}
	if applyURL != nil {
		e.ApplyURL = *applyURL
	}
	if err := decodeReasons(reasons, e); err != nil {
		return Row{}, err
	}
	r.FirstSeenAt, r.UpdatedAt, r.LastSeenAt = r.FirstSeenAt.UTC(), r.UpdatedAt.UTC(), r.LastSeenAt.UTC()
	return r, nil
}

// decodeReasons sets e.Reasons from the stored JSON array; an empty array is
// nil, as in a record that had none.
func decodeReasons(b []byte, e *event.Event) error {
	if err := json.Unmarshal(b, &e.Reasons); err != nil {
		return fmt.Errorf("decode reasons of %q: %w", e.ID, err)
	}
	if len(e.Reasons) == 0 {
		e.Reasons = nil
	}
	return nil
}

func (p *pgStore) stamp(ctx context.Context) (Stamp, error) {
	var s Stamp
	err := p.pool.QueryRow(ctx, `
		SELECT (SELECT count(*) FROM events), changed_at FROM events_stamp WHERE id = 1`).
		Scan(&s.Count, &s.LastChange)
	if err != nil {
		return Stamp{}, fmt.Errorf("read stamp: %w", err)
	}
	s.LastChange = s.LastChange.UTC()
	return s, nil
}

func (p *pgStore) otherRules(ctx context.Context, version, after string, limit int) ([]Row, error) {
	return p.rows(ctx, `
		SELECT `+rowColumns+` FROM events
		WHERE rules_version <> $1 AND id > $2
		ORDER BY id
		LIMIT $3`, version, after, limit)
}

func (p *pgStore) others(ctx context.Context, events []string) ([]Row, error) {
	// The event's own listing by its id, the others by the partial index.
	return p.rows(ctx, `
		SELECT `+rowColumns+` FROM events
		WHERE canonical_id = ANY($1) AND (id = ANY($1) OR canonical_id <> id) AND NOT is_primary`, events)
}

// groupLockKey is the pg_advisory_xact_lock key Group holds.
const groupLockKey int64 = 0x6b6f757279750002

func (p *pgStore) group(ctx context.Context, f func(groupTx) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
			return f(pgGroupTx{tx})
		})
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == pgDeadlock && attempt < pgUpsertAttempts {
			continue
		}
		return err
	}
}

type pgGroupTx struct{ tx pgx.Tx }

// pgListingColumns are what grouping reads of a listing: not the
// description (only whether there is one: octet_length reads the stored
// size, not the compressed text), the label or the classification.
func pgListing(t string) string {
	if t == "b" { // read from events by the statement before
		return pgListingFrom("b", "b.described")
	}
	return pgListingFrom(t, strings.ReplaceAll("octet_length(T.description) > 0 AS described", "T.", t+"."))
}

// pgListingFrom is pgListing with described, the expression that says
// whether the listing has a description.
func pgListingFrom(t, described string) string {
	return strings.ReplaceAll(strings.ReplaceAll(`T.id, T.source, T.url, T.title, DESCRIBED, T.starts_at, T.ends_at, T.all_day,
	T.venue, T.address, T.area, T.organizer, T.fee, T.canonical_id, T.is_primary, T.first_seen_at`,
		"DESCRIBED", described), "T.", t+".")
}

var pgListingColumns = pgListing("events")

// pgNearSQL is groupTx.near's statement: $1 the ids. Every part is an
// index scan whatever the planner believes of the table: lookups by id (a
// key, one row each) and of the members of events (a partial index of a
// few rows) as arrays, and each match key looked up by itself in a LATERAL
// join (OFFSET 0 keeps it from being flattened into a hash join). Planned
// from statistics that lag a burst of inserts, the keys as an array or a
// join became sequential and parallel bitmap scans (make bench dedup: 23
// ms a listing among 1,000,000 rows against 1.7 ms among 100,000).
var pgNearSQL = `
	WITH b AS (
		SELECT ` + pgListing("events") + `, match_key FROM events WHERE id = ANY($1)
	), seed AS (
		SELECT ` + pgListing("b") + ` FROM b
		UNION ALL
		SELECT x.* FROM (SELECT match_key AS k FROM b UNION SELECT rtrim(match_key, '0123456789,') FROM b) p,
			LATERAL (SELECT ` + pgListing("e") + ` FROM events e
				WHERE e.match_key = p.k AND NOT (e.id = ANY($1)) OFFSET 0) x
		UNION ALL
		SELECT x.* FROM (SELECT DISTINCT match_key AS blk FROM b WHERE match_key = rtrim(match_key, '0123456789,')) p,
			LATERAL (SELECT ` + pgListing("e") + ` FROM events e
				WHERE e.match_key > p.blk AND e.match_key < p.blk || chr(1114111) AND NOT (e.id = ANY($1)) OFFSET 0) x
	)
	SELECT * FROM seed
	UNION ALL
	SELECT ` + pgListing("e") + ` FROM events e
	WHERE e.canonical_id = ANY(ARRAY(SELECT DISTINCT canonical_id FROM seed)) AND e.canonical_id <> e.id
	UNION ALL
	SELECT ` + pgListing("e") + ` FROM events e
	WHERE e.id = ANY(ARRAY(SELECT canonical_id FROM seed EXCEPT SELECT id FROM seed))`

func (t pgGroupTx) near(ctx context.Context, ids []string) ([]dedup.Member, error) {
	// The lock, then the read, sent at once: two statements, so the read
	// sees what the transaction that held the lock before committed.
	b := &pgx.Batch{}
	b.Queue(`SELECT pg_advisory_xact_lock($1)`, groupLockKey)
	b.Queue(pgNearSQL, ids)
	br := t.tx.SendBatch(ctx, b)
	defer br.Close()
	if _, err := br.Exec(); err != nil {
		return nil, fmt.Errorf("take the grouping lock: %w", err)
	}
	rows, err := br.Query()
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanPGListing)
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	return out, br.Close()
}

func (p *pgStore) near(ctx context.Context, ids []string) ([]dedup.Member, error) {
	rows, err := p.pool.Query(ctx, pgNearSQL, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanPGListing)
}

func scanPGListing(r pgx.CollectableRow) (dedup.Member, error) {
	var (
		m      dedup.Member
		endsAt *time.Time
	)
	e := &m.Event
	err := r.Scan(&e.ID, &e.Source, &e.URL, &e.Title, &m.Described, &e.StartsAt, &endsAt, &e.AllDay,
		&e.Venue, &e.Address, &e.Area, &e.Organizer, &e.Fee, &m.Canonical, &m.Primary, &m.FirstSeen)
	e.StartsAt = inTokyo(e.StartsAt)
	if endsAt != nil {
		e.EndsAt = inTokyo(*endsAt)
	}
	e.CanonicalID = m.Canonical
	return m, err
}

func (t pgGroupTx) listings(ctx context.Context, sel listingSelect) ([]dedup.Member, error) {
	exclude := sel.exclude
	if exclude == nil {
		exclude = []string{} // NULL would exclude every row: id = ANY(NULL) is NULL
	}
	var (
		parts []string
		args  = []any{exclude}
	)
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if len(sel.ids) > 0 {
		parts = append(parts, `SELECT `+pgListingColumns+` FROM events WHERE id = ANY(`+arg(sel.ids)+`)`)
	}
	if len(sel.keys) > 0 {
		parts = append(parts, `SELECT `+pgListingColumns+` FROM events WHERE match_key = ANY(`+arg(sel.keys)+`)`)
	}
	for _, pre := range sel.prefixes {
		parts = append(parts, `SELECT `+pgListingColumns+` FROM events WHERE match_key >= `+arg(pre)+` AND match_key < `+arg(areaUpper(pre)))
	}
	if len(sel.events) > 0 {
		parts = append(parts, `SELECT `+pgListingColumns+` FROM events WHERE canonical_id = ANY(`+arg(sel.events)+`) AND canonical_id <> id`)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	sql := `SELECT * FROM (` + strings.Join(parts, "\nUNION ALL\n") + `) l WHERE NOT (id = ANY($1))`
	rows, err := t.tx.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanPGListing)
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	return out, nil
}

func (t pgGroupTx) apply(ctx context.Context, changes []dedup.Change) error {
	if len(changes) == 0 {
		return nil
	}
	ids, canon, primary := make([]string, len(changes)), make([]string, len(changes)), make([]bool, len(changes))
	for i, c := range changes {
		ids[i], canon[i], primary[i] = c.ID, c.Canonical, c.Primary
	}
	// The rows are locked in id order, as Upsert locks them, so the two
	// wait for each other instead of deadlocking.
	if _, err := t.tx.Exec(ctx, `SELECT id FROM events WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids); err != nil {
		return fmt.Errorf("lock listings: %w", err)
	}
	if _, err := t.tx.Exec(ctx, `
		UPDATE events e SET canonical_id = c.canonical_id, is_primary = c.is_primary
		FROM unnest($1::text[], $2::text[], $3::boolean[]) AS c(id, canonical_id, is_primary)
		WHERE e.id = c.id`, ids, canon, primary); err != nil {
		return fmt.Errorf("write events of listings: %w", err)
	}
	if _, err := t.tx.Exec(ctx, `
		UPDATE events_stamp
		SET changed_at = greatest(clock_timestamp(), changed_at + interval '1 microsecond')
		WHERE id = 1`); err != nil {
		return fmt.Errorf("move stamp: %w", err)
	}
	return nil
}

func (p *pgStore) unkeyed(ctx context.Context, limit int) ([]event.Event, error) {
	rows, err := p.pool.Query(ctx, `SELECT id, title, starts_at, area FROM events WHERE match_key = '' LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (event.Event, error) {
		var e event.Event
		err := r.Scan(&e.ID, &e.Title, &e.StartsAt, &e.Area)
		e.StartsAt = inTokyo(e.StartsAt)
		return e, err
	})
}

func (p *pgStore) setKeys(ctx context.Context, keys map[string]string) error {
	ids, ks := make([]string, 0, len(keys)), make([]string, 0, len(keys))
	for id, k := range keys {
		ids, ks = append(ids, id), append(ks, k)
	}
	_, err := p.pool.Exec(ctx, `
		UPDATE events e SET match_key = k.key
		FROM unnest($1::text[], $2::text[]) AS k(id, key) WHERE e.id = k.id`, ids, ks)
	return err
}
