package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"kouryu/internal/dedup"
	"kouryu/internal/event"
)

// sqliteLayout stores a time as fixed-width UTC text, so text order is time
// order and the file stays readable with the sqlite3 shell.
const sqliteLayout = "2006-01-02T15:04:05.000000Z"

func sqliteTime(t time.Time) string { return t.UTC().Format(sqliteLayout) }

// sqliteNullTime is NULL for the zero time.
func sqliteNullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return sqliteTime(t)
}

func parseSQLiteTime(s string) (time.Time, error) {
	t, err := time.Parse(sqliteLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// sqliteStore keeps one writer connection (SQLite allows one writer; the
// writes queue in Go instead of spinning on SQLITE_BUSY) and a pool of
// read-only ones, which WAL lets run beside the writer.
type sqliteStore struct {
	wdb, rdb *sql.DB
}

func openSQLite(ctx context.Context, path string) (*sqliteStore, error) {
	// busy_timeout first: it covers the other pragmas and another process
	// holding the file. _txlock=immediate takes the write lock at BEGIN, so
	// a transaction never fails upgrading a read lock.
	base := path + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	wdb, err := sql.Open("sqlite", base+"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open sqlite %q: %w", path, err)
	}
	wdb.SetMaxOpenConns(1)
	if err := pingBusy(ctx, wdb); err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open sqlite %q: %w", path, err)
	}
	rdb, err := sql.Open("sqlite", base+"&_pragma=query_only(1)")
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open sqlite %q: %w", path, err)
	}
	rdb.SetMaxOpenConns(4)
	return &sqliteStore{wdb: wdb, rdb: rdb}, nil
}

// pingBusy opens the first connection, which sets the pragmas. Switching a
// new file to WAL takes an exclusive lock that SQLite's busy timeout does not
// wait for, so two processes opening the same new file at once can see
// "database is locked": that is retried for a few seconds.
func pingBusy(ctx context.Context, db *sql.DB) error {
	wait := 10 * time.Millisecond
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := db.PingContext(ctx)
		if err == nil || !strings.Contains(err.Error(), "SQLITE_BUSY") || time.Now().After(deadline) {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait = min(wait*2, 200*time.Millisecond)
	}
}

func (l *sqliteStore) name() string                   { return "sqlite" }
func (l *sqliteStore) ping(ctx context.Context) error { return l.rdb.PingContext(ctx) }

// foldsOnWrite: SQLite has no NFKC folding of its own, so the folded text
// is stored in search_text.
func (l *sqliteStore) foldsOnWrite() bool { return true }

func (l *sqliteStore) close() {
	l.rdb.Close()
	l.wdb.Close()
}

// migrate applies the missing migrations in one immediate transaction, which
// also keeps a second process from applying them at the same time.
func (l *sqliteStore) migrate(ctx context.Context) ([]string, error) {
	ms, err := migrations("sqlite")
	if err != nil {
		return nil, err
	}
	tx, err := l.wdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'))
		)`); err != nil {
		return nil, fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	done := map[int]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
		}
		done[v] = true
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	var applied []string
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("migrate: apply %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)`, m.version, m.name); err != nil {
			return nil, fmt.Errorf("migrate: record %s: %w", m.name, err)
		}
		applied = append(applied, m.name)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("migrate: commit: %w", err)
	}
	return applied, nil
}

// upsert reads each id's stored hash and classification, decides in Go what
// changed, and writes with one prepared upsert, all in one immediate
// transaction. The batch's time is later than the stored stamp, so the stamp
// only moves forward even if the clock steps back.
func (l *sqliteStore) upsert(ctx context.Context, in []incoming) (UpsertResult, error) {
	var res UpsertResult
	err := func() error {
		tx, err := l.wdb.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		defer tx.Rollback()

		var stampText string
		if err := tx.QueryRowContext(ctx, `SELECT changed_at FROM events_stamp WHERE id = 1`).Scan(&stampText); err != nil {
			return fmt.Errorf("read stamp: %w", err)
		}
		stamp, err := parseSQLiteTime(stampText)
		if err != nil {
			return err
		}
		now := time.Now().UTC().Truncate(time.Microsecond)
		if !now.After(stamp) {
			now = stamp.Add(time.Microsecond)
		}
		nowText := sqliteTime(now)

		old, err := tx.PrepareContext(ctx, `
			SELECT content_hash, label, score, reasons, rules_version, updated_at, classified_at, revision, fetched_at
			FROM events WHERE id = ?1`)
		if err != nil {
			return fmt.Errorf("prepare read: %w", err)
		}
		defer old.Close()
		put, err := tx.PrepareContext(ctx, `
			INSERT INTO events (
				id, source, url, title, description, starts_at, ends_at, all_day,
				venue, address, area, organizer, fee, status, fetched_at,
				label, score, reasons, rules_version, content_hash, search_text,
				first_seen_at, updated_at, last_seen_at, classified_at, revision,
				fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url,
				match_key, canonical_id)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
				?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?22, ?24, ?25,
				?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?1)
			ON CONFLICT (id) DO UPDATE SET
				source = excluded.source, url = excluded.url, title = excluded.title,
				description = excluded.description, starts_at = excluded.starts_at,
				ends_at = excluded.ends_at, all_day = excluded.all_day, venue = excluded.venue,
				address = excluded.address, area = excluded.area, organizer = excluded.organizer,
				fee = excluded.fee, status = excluded.status, fetched_at = excluded.fetched_at,
				label = excluded.label, score = excluded.score, reasons = excluded.reasons,
				rules_version = excluded.rules_version, content_hash = excluded.content_hash,
				search_text = excluded.search_text, match_key = excluded.match_key,
				fee_yen_min = excluded.fee_yen_min, fee_yen_max = excluded.fee_yen_max,
				capacity = excluded.capacity, apply_by = excluded.apply_by,
				members_only = excluded.members_only, format = excluded.format, apply_url = excluded.apply_url,
				updated_at = excluded.updated_at, last_seen_at = excluded.last_seen_at,
				classified_at = excluded.classified_at, revision = excluded.revision`)
		if err != nil {
			return fmt.Errorf("prepare upsert: %w", err)
		}
		defer put.Close()

		reclassified := 0
		for _, x := range in {
			e := x.ev
			var (
				hash, label, reasons, rules, updatedAt, classifiedAt string
				score                                                float64
				revision                                             int
				fetchedAt                                            sql.NullString
			)
			err := old.QueryRowContext(ctx, e.ID).Scan(&hash, &label, &score, &reasons, &rules, &updatedAt, &classifiedAt, &revision, &fetchedAt)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				res.Inserted++
				updatedAt, classifiedAt, revision = nowText, nowText, 0
			case err != nil:
				return fmt.Errorf("read event %q: %w", e.ID, err)
			case fetchedAt.Valid && !e.FetchedAt.IsZero() && sqliteTime(e.FetchedAt) < fetchedAt.String:
				// An older fetch redelivered after a newer one must not undo it.
				res.Stale++
				continue
			default:
				if hash != x.hash {
					res.Updated++
					updatedAt = nowText
					revision++
				} else {
					res.Unchanged++
				}
				if label != string(e.Label) || score != e.Score || reasons != string(x.reasons) || rules != e.RulesVersion {
					classifiedAt = nowText
					if hash == x.hash {
						reclassified++
					}
				}
			}
			if _, err := put.ExecContext(ctx,
				e.ID, e.Source, e.URL, e.Title, e.Description, sqliteTime(e.StartsAt), sqliteNullTime(e.EndsAt), e.AllDay,
				e.Venue, e.Address, e.Area, e.Organizer, e.Fee, string(e.Status), sqliteNullTime(e.FetchedAt),
				string(e.Label), e.Score, string(x.reasons), e.RulesVersion, x.hash, x.search,
				nowText, updatedAt, classifiedAt, revision,
				e.FeeYenMin, e.FeeYenMax, nullZero(e.Capacity), sqliteNullTime(e.ApplyBy), e.MembersOnly,
				nullZero(string(e.Format)), nullZero(e.ApplyURL), x.key); err != nil {
				return fmt.Errorf("write event %q: %w", e.ID, err)
			}
		}
		if res.Inserted+res.Updated+reclassified > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE events_stamp SET changed_at = ?1 WHERE id = 1`, nowText); err != nil {
				return fmt.Errorf("move stamp: %w", err)
			}
		}
		return tx.Commit()
	}()
	if err != nil {
		return UpsertResult{}, fmt.Errorf("upsert %d events: %w", len(in), err)
	}
	return res, nil
}

func (l *sqliteStore) query(ctx context.Context, q Query, after *cursor) ([]Row, error) {
	stmt, args := querySQL(sqliteDialect, q, after)
	out, err := l.rows(ctx, stmt, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	return out, nil
}

// rows runs a SELECT of rowColumns and reads every row it returns.
func (l *sqliteStore) rows(ctx context.Context, stmt string, args ...any) ([]Row, error) {
	rows, err := l.rdb.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		r, err := scanSQLiteRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (l *sqliteStore) get(ctx context.Context, id string) (Row, error) {
	r, err := scanSQLiteRow(l.rdb.QueryRowContext(ctx, `SELECT `+rowColumns+` FROM events WHERE id = ?1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Row{}, fmt.Errorf("get event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return Row{}, fmt.Errorf("get event %q: %w", id, err)
	}
	return r, nil
}

func scanSQLiteRow(row interface{ Scan(...any) error }) (Row, error) {
	var (
		r                                      Row
		startsAt, firstSeen, updated, lastSeen string
		endsAt, fetchedAt, applyBy             sql.NullString
		status, label, reasons                 string
		feeMin, feeMax, capacity               sql.Null[int]
		membersOnly                            sql.Null[bool]
		format, applyURL                       sql.NullString
	)
	e := &r.Event
	err := row.Scan(&e.ID, &e.Source, &e.URL, &e.Title, &e.Description, &startsAt, &endsAt, &e.AllDay,
		&e.Venue, &e.Address, &e.Area, &e.Organizer, &e.Fee, &status, &fetchedAt,
		&label, &e.Score, &reasons, &e.RulesVersion,
		&firstSeen, &updated, &lastSeen, &r.Revision,
		&feeMin, &feeMax, &capacity, &applyBy, &membersOnly, &format, &applyURL,
		&e.CanonicalID, &r.Primary)
	if err != nil {
		return Row{}, err
	}
	if feeMin.Valid {
		e.FeeYenMin = &feeMin.V
	}
	if feeMax.Valid {
		e.FeeYenMax = &feeMax.V
	}
	if membersOnly.Valid {
		e.MembersOnly = &membersOnly.V
	}
	e.Capacity, e.Format, e.ApplyURL = capacity.V, event.Format(format.String), applyURL.String
	e.Status, e.Label = event.Status(status), event.Label(label)
	for _, f := range []struct {
		text  string
		dst   *time.Time
		tokyo bool
	}{
		{startsAt, &e.StartsAt, true}, {endsAt.String, &e.EndsAt, true}, {fetchedAt.String, &e.FetchedAt, true},
		{applyBy.String, &e.ApplyBy, true},
		{firstSeen, &r.FirstSeenAt, false}, {updated, &r.UpdatedAt, false}, {lastSeen, &r.LastSeenAt, false},
	} {
		if f.text == "" {
			continue
		}
		t, err := parseSQLiteTime(f.text)
		if err != nil {
			return Row{}, err
		}
		if f.tokyo {
			t = inTokyo(t)
		}
		*f.dst = t
	}
	if err := decodeReasons([]byte(reasons), e); err != nil {
		return Row{}, err
	}
	return r, nil
}

func (l *sqliteStore) stamp(ctx context.Context) (Stamp, error) {
	var (
		s    Stamp
		text string
	)
	err := l.rdb.QueryRowContext(ctx, `
		SELECT (SELECT count(*) FROM events), changed_at FROM events_stamp WHERE id = 1`).Scan(&s.Count, &text)
	if err != nil {
		return Stamp{}, fmt.Errorf("read stamp: %w", err)
	}
	if s.LastChange, err = parseSQLiteTime(text); err != nil {
		return Stamp{}, fmt.Errorf("read stamp: %w", err)
	}
	return s, nil
}

func (l *sqliteStore) otherRules(ctx context.Context, version, after string, limit int) ([]Row, error) {
	return l.rows(ctx, `
		SELECT `+rowColumns+` FROM events
		WHERE rules_version <> ?1 AND id > ?2
		ORDER BY id
		LIMIT ?3`, version, after, limit)
}

// jsonArray is s as a JSON array, for json_each: SQLite has no array
// parameters.
func jsonArray(s []string) string {
	if s == nil {
		s = []string{}
	}
	b, _ := json.Marshal(s) // strings always encode
	return string(b)
}

func (l *sqliteStore) others(ctx context.Context, events []string) ([]Row, error) {
	return l.rows(ctx, `
		SELECT `+rowColumns+` FROM events
		WHERE canonical_id IN (SELECT value FROM json_each(?1))
		  AND (id IN (SELECT value FROM json_each(?1)) OR canonical_id <> id) AND NOT is_primary`, jsonArray(events))
}

// group runs f in an immediate transaction on the one writer connection:
// it runs beside no other write, Group or Upsert, of any process.
func (l *sqliteStore) group(ctx context.Context, f func(groupTx) error) error {
	tx, err := l.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := f(sqliteGroupTx{tx}); err != nil {
		return err
	}
	return tx.Commit()
}

type sqliteGroupTx struct{ tx *sql.Tx }

func sqliteListing(t string) string {
	if t == "b" { // read from events by the statement before
		return sqliteListingFrom("b", "b.described")
	}
	return sqliteListingFrom(t, strings.ReplaceAll("length(T.description) > 0 AS described", "T.", t+"."))
}

// sqliteListingFrom is sqliteListing with described, the expression that says
// whether the listing has a description.
func sqliteListingFrom(t, described string) string {
	return strings.ReplaceAll(strings.ReplaceAll(`T.id, T.source, T.url, T.title, DESCRIBED, T.starts_at, T.ends_at, T.all_day,
	T.venue, T.address, T.area, T.organizer, T.fee, T.canonical_id, T.is_primary, T.first_seen_at`,
		"DESCRIBED", described), "T.", t+".")
}

var sqliteListingColumns = sqliteListing("events")

// sqliteNearSQL is groupTx.near's statement, as pgNearSQL: ?1 the ids as
// a JSON array.
var sqliteNearSQL = `
	WITH b AS (
		SELECT ` + sqliteListing("events") + `, match_key FROM events WHERE id IN (SELECT value FROM json_each(?1))
	), p AS (
		SELECT DISTINCT match_key AS k, rtrim(match_key, '0123456789,') AS blk FROM b
	), seed AS (
		SELECT ` + sqliteListing("b") + ` FROM b
		UNION ALL
		SELECT ` + sqliteListing("e") + ` FROM p JOIN events e ON e.match_key = p.k AND NOT (e.id IN (SELECT value FROM json_each(?1)))
		UNION ALL
		SELECT ` + sqliteListing("e") + ` FROM p JOIN events e ON e.match_key = p.blk WHERE p.k <> p.blk
		UNION ALL
		SELECT ` + sqliteListing("e") + ` FROM p JOIN events e
			ON e.match_key >= p.blk AND e.match_key < p.blk || char(1114111) AND NOT (e.id IN (SELECT value FROM json_each(?1))) WHERE p.k = p.blk
	)
	SELECT * FROM seed
	UNION ALL
	SELECT ` + sqliteListing("e") + ` FROM events e WHERE e.canonical_id IN (SELECT canonical_id FROM seed) AND e.canonical_id <> e.id
	UNION ALL
	SELECT ` + sqliteListing("e") + ` FROM events e WHERE e.id IN (SELECT canonical_id FROM seed EXCEPT SELECT id FROM seed)`

// near needs no lock of its own: the transaction is on the one writer
// connection, and immediate.
func (t sqliteGroupTx) near(ctx context.Context, ids []string) ([]dedup.Member, error) {
	rows, err := t.tx.QueryContext(ctx, sqliteNearSQL, jsonArray(ids))
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	return scanSQLiteListings(rows)
}

// near reads on the read-only connections, beside the writer.
func (l *sqliteStore) near(ctx context.Context, ids []string) ([]dedup.Member, error) {
	rows, err := l.rdb.QueryContext(ctx, sqliteNearSQL, jsonArray(ids))
	if err != nil {
		return nil, err
	}
	return scanSQLiteListings(rows)
}

func (t sqliteGroupTx) listings(ctx context.Context, sel listingSelect) ([]dedup.Member, error) {
	var parts []string
	args := []any{jsonArray(sel.exclude)}
	arg := func(v any) string {
		args = append(args, v)
		return "?" + strconv.Itoa(len(args))
	}
	in := func(s []string) string { return "(SELECT value FROM json_each(" + arg(jsonArray(s)) + "))" }
	if len(sel.ids) > 0 {
		parts = append(parts, `SELECT `+sqliteListingColumns+` FROM events WHERE id IN `+in(sel.ids))
	}
	if len(sel.keys) > 0 {
		parts = append(parts, `SELECT `+sqliteListingColumns+` FROM events WHERE match_key IN `+in(sel.keys))
	}
	for _, pre := range sel.prefixes {
		parts = append(parts, `SELECT `+sqliteListingColumns+` FROM events WHERE match_key >= `+arg(pre)+` AND match_key < `+arg(areaUpper(pre)))
	}
	if len(sel.events) > 0 {
		parts = append(parts, `SELECT `+sqliteListingColumns+` FROM events WHERE canonical_id IN `+in(sel.events)+` AND canonical_id <> id`)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT * FROM (`+strings.Join(parts, "\nUNION ALL\n")+`) WHERE id NOT IN (SELECT value FROM json_each(?1))`, args...)
	if err != nil {
		return nil, fmt.Errorf("read listings: %w", err)
	}
	return scanSQLiteListings(rows)
}

func scanSQLiteListings(rows *sql.Rows) ([]dedup.Member, error) {
	defer rows.Close()
	var out []dedup.Member
	for rows.Next() {
		var (
			m                   dedup.Member
			startsAt, firstSeen string
			endsAt              sql.NullString
		)
		e := &m.Event
		if err := rows.Scan(&e.ID, &e.Source, &e.URL, &e.Title, &m.Described, &startsAt, &endsAt, &e.AllDay,
			&e.Venue, &e.Address, &e.Area, &e.Organizer, &e.Fee, &m.Canonical, &m.Primary, &firstSeen); err != nil {
			return nil, fmt.Errorf("read listings: %w", err)
		}
		for _, f := range []struct {
			text string
			dst  *time.Time
		}{{startsAt, &e.StartsAt}, {endsAt.String, &e.EndsAt}, {firstSeen, &m.FirstSeen}} {
			if f.text == "" {
				continue
			}
			t, err := parseSQLiteTime(f.text)
			if err != nil {
				return nil, err
			}
			*f.dst = t
		}
		e.StartsAt, e.EndsAt = inTokyo(e.StartsAt), inTokyo(e.EndsAt)
		e.CanonicalID = m.Canonical
		out = append(out, m)
	}
	return out, rows.Err()
}

func (t sqliteGroupTx) apply(ctx context.Context, changes []dedup.Change) error {
	if len(changes) == 0 {
		return nil
	}
	st, err := t.tx.PrepareContext(ctx, `UPDATE events SET canonical_id = ?2, is_primary = ?3 WHERE id = ?1`)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer st.Close()
	for _, c := range changes {
		if _, err := st.ExecContext(ctx, c.ID, c.Canonical, c.Primary); err != nil {
			return fmt.Errorf("write the event of %q: %w", c.ID, err)
		}
	}
	// Later than the stamp, as Upsert moves it, even if the clock stepped back.
	var stampText string
	if err := t.tx.QueryRowContext(ctx, `SELECT changed_at FROM events_stamp WHERE id = 1`).Scan(&stampText); err != nil {
		return fmt.Errorf("read stamp: %w", err)
	}
	stamp, err := parseSQLiteTime(stampText)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	if !now.After(stamp) {
		now = stamp.Add(time.Microsecond)
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE events_stamp SET changed_at = ?1 WHERE id = 1`, sqliteTime(now)); err != nil {
		return fmt.Errorf("move stamp: %w", err)
	}
	return nil
}

func (l *sqliteStore) unkeyed(ctx context.Context, limit int) ([]event.Event, error) {
	rows, err := l.rdb.QueryContext(ctx, `SELECT id, title, starts_at, area FROM events WHERE match_key = '' LIMIT ?1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		var (
			e     event.Event
			start string
		)
		if err := rows.Scan(&e.ID, &e.Title, &start, &e.Area); err != nil {
			return nil, err
		}
		t, err := parseSQLiteTime(start)
		if err != nil {
			return nil, err
		}
		e.StartsAt = inTokyo(t)
		out = append(out, e)
	}
	return out, rows.Err()
}

func (l *sqliteStore) setKeys(ctx context.Context, keys map[string]string) error {
	tx, err := l.wdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for id, k := range keys {
		if _, err := tx.ExecContext(ctx, `UPDATE events SET match_key = ?2 WHERE id = ?1`, id, k); err != nil {
			return err
		}
	}
	return tx.Commit()
}
