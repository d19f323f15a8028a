package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"kouryu/internal/dedup"
	"kouryu/internal/event"
)

// ErrNotFound is returned by Get when no event has the id.
var ErrNotFound = errors.New("store: event not found")

// ErrRejected is wrapped by the error Upsert returns when the database
// refused the content of the batch (PostgreSQL's data exceptions, such as a
// NUL character in text): writing the same events again cannot succeed,
// while another error (a lost connection, a restarting server) may pass.
var ErrRejected = errors.New("store: content refused by the database")

// ErrBadCursor is wrapped by the error Query returns for a cursor it did not
// issue (or issued for the other Order).
var ErrBadCursor = errors.New("store: bad cursor")

// Config says which database to open. The zero value is not valid: set URL or
// Path.
type Config struct {
	URL      string // postgres:// URL or keyword/value DSN (host=… dbname=…) → PostgreSQL via pgxpool; empty → SQLite file at Path
	Path     string // SQLite file, e.g. ./var/kouryu.db (parent dir created)
	MaxConns int32  // PostgreSQL pool size; 0 → default (pgxpool: max(4, CPUs))
}

// Validate reports a config that Open cannot use.
func (c Config) Validate() error {
	switch {
	case c.URL != "":
		// A keyword/value DSN has '=' and no scheme; pgx reads both forms.
		if !strings.HasPrefix(c.URL, "postgres://") && !strings.HasPrefix(c.URL, "postgresql://") &&
			(strings.Contains(c.URL, "://") || !strings.Contains(c.URL, "=")) {
			return errors.New("store config: url must be a postgres:// URL or a keyword/value DSN (host=… dbname=…)")
		}
	case c.Path == "":
		return errors.New("store config: neither url nor path is set")
	}
	if c.MaxConns < 0 {
		return fmt.Errorf("store config: max conns %d is negative", c.MaxConns)
	}
	return nil
}

// Store is the events table. It is safe for concurrent use.
type Store struct {
	log *slog.Logger
	db  backend
}

// backend is one database's half of the table: Store checks the arguments,
// fills in the defaults and pages; a backend (pgStore in postgres.go,
// sqliteStore in sqlite.go) runs the SQL.
type backend interface {
	name() string // "postgres" or "sqlite"
	// foldsOnWrite reports whether upsert stores incoming.search; a backend
	// that does not fold the searched text when it is queried needs it.
	foldsOnWrite() bool
	migrate(ctx context.Context) (applied []string, err error)
	ping(ctx context.Context) error
	close()
	upsert(ctx context.Context, in []incoming) (UpsertResult, error)
	// query returns up to q.Limit+1 rows, so Store knows whether a page follows.
	query(ctx context.Context, q Query, after *cursor) ([]Row, error)
	get(ctx context.Context, id string) (Row, error)
	stamp(ctx context.Context) (Stamp, error)
	otherRules(ctx context.Context, version, after string, limit int) ([]Row, error)
	// others returns the listings of the events named whose ids are not in
	// primaries' place: every listing of each event but its primary one.
	others(ctx context.Context, events []string) ([]Row, error)
	// group runs f in one transaction; groupTx.near takes the lock that
	// keeps the others of any process from running beside it.
	group(ctx context.Context, f func(groupTx) error) error
	// near is groupTx.near outside a transaction and without the lock.
	near(ctx context.Context, ids []string) ([]dedup.Member, error)
	// unkeyed returns up to limit listings stored without a match key.
	unkeyed(ctx context.Context, limit int) ([]event.Event, error)
	// setKeys stores each listing's match key.
	setKeys(ctx context.Context, keys map[string]string) error
}

// groupTx is what Group does in its transaction.
type groupTx interface {
	// near takes the grouping lock (no other group transaction of any
	// process runs until this one ends) and then returns, in one
	// statement, the listings named by ids; the listings they may be
	// copies of, found by match key: those of each one's block whose key
	// ends in the same numbers or in none, and the whole block for a
	// listing whose title has no numbers (see dedup.Probe; the block is
	// the key without its trailing digits and commas); and every listing
	// of the events of all these.
	near(ctx context.Context, ids []string) ([]dedup.Member, error)
	// listings returns the stored listings sel selects, in no order; a
	// listing selected twice may come twice.
	listings(ctx context.Context, sel listingSelect) ([]dedup.Member, error)
	// apply writes the changes and moves the stamp when there are any.
	apply(ctx context.Context, changes []dedup.Change) error
}

// listingSelect selects listings for Group: by id, by match key, by match
// key prefix, and every listing of the events named but the one whose id
// the event has (found by id). exclude leaves listings out by id.
type listingSelect struct {
	ids, keys, prefixes, events, exclude []string
}

var (
	_ backend = (*pgStore)(nil)
	_ backend = (*sqliteStore)(nil)
)

// Open connects to the database of cfg and applies the migrations it lacks.
// No password of cfg.URL shows in the message of the error it returns.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*Store, error) {
	s, err := open(ctx, cfg, log)
	return s, scrub(err, cfg.URL)
}

func open(ctx context.Context, cfg Config, log *slog.Logger) (*Store, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Store{log: log}
	if cfg.URL != "" {
		pg, err := openPostgres(ctx, cfg)
		if err != nil {
			return nil, err
		}
		s.db = pg
	} else {
		if dir := filepath.Dir(cfg.Path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("create sqlite dir %q: %w", dir, err)
			}
		}
		lt, err := openSQLite(ctx, cfg.Path)
		if err != nil {
			return nil, err
		}
		s.db = lt
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Migrate applies the embedded migrations the database lacks, in order, each
// in its own transaction. It is idempotent; on PostgreSQL it runs under a
// session advisory lock, so concurrent callers apply each migration once.
func (s *Store) Migrate(ctx context.Context) error {
	applied, err := s.db.migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) > 0 {
		s.log.Info("store migrated", "backend", s.Backend(), "applied", applied)
	}
	return s.fillKeys(ctx)
}

// Close releases the connections. The Store is not usable afterwards.
func (s *Store) Close() { s.db.close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.ping(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", s.db.name(), err)
	}
	return nil
}

// Backend names the database: "postgres" or "sqlite".
func (s *Store) Backend() string { return s.db.name() }

// UpsertResult counts what an Upsert did, one count per distinct id: a new
// row, a row whose content changed, a row whose content did not change (its
// last_seen_at and classification are still refreshed), and a stale record:
// one fetched before the stored version (a redelivery that arrives after a
// newer update), which is skipped so an update is never undone.
type UpsertResult struct{ Inserted, Updated, Unchanged, Stale int }

// Upsert writes the batch in ONE transaction. Duplicate ids within a batch:
// the last wins. Every event must pass event.Validate: otherwise nothing is
// written and the error wraps event.ErrInvalid. updated_at and revision move
// only when an event's ContentHash changed; last_seen_at moves on every
// upsert; label, score, reasons and rules_version are always taken from the
// batch.
func (s *Store) Upsert(ctx context.Context, evs []event.Event) (UpsertResult, error) {
	if len(evs) == 0 {
		return UpsertResult{}, nil
	}
	in, err := prepare(evs, s.db.foldsOnWrite())
	if err != nil {
		return UpsertResult{}, err
	}
	return s.db.upsert(ctx, in)
}

// Row is a stored event with the table's bookkeeping.
type Row struct {
	event.Event
	FirstSeenAt, UpdatedAt, LastSeenAt time.Time
	Revision                           int  // 0 when first stored, +1 on each content change (iCalendar SEQUENCE)
	Primary                            bool // the listing stands for its event (Event.CanonicalID)
	// Others are the other listings of the event, best first (dedup.Better),
	// when the query asked for one row per event; nil otherwise.
	Others []Row
}

// Order is the order Query returns rows in.
type Order int

// The orders of Query.
const (
	ByStart     Order = iota // starts_at ascending, then id
	ByAnnounced              // first_seen_at descending (newest first), then id ascending
)

// Query selects stored events. The zero value selects every event, the first
// 50 by start.
type Query struct {
	Label    event.Label // "" = all
	Area     string      // "" = all; matches the area or any area it prefixes (大阪市 matches 大阪市北区)
	From, To time.Time   // starts_at >= From and starts_at < To; zero = unbounded
	Q        string      // case-insensitive substring of title, description, venue or organizer (also folds full/half width)
	// The facts a listing states; events that do not state the fact are
	// left out by its filter.
	Free       bool      // fee_yen_max = 0: free for everyone
	Open       bool      // members_only = false: the listing says non-members may come
	Online     bool      // format online or hybrid: one can take part online
	ApplyAfter time.Time // apply_by >= ApplyAfter: applications still open then; zero = no filter
	Limit      int       // 0 → 50; capped at 500
	Cursor     string    // opaque keyset cursor from Page.Next
	Order      Order
	// OnePerEvent selects one row per event, not per listing: the primary
	// listing of each event, with the others in Row.Others. Label, Area,
	// From, To and the facts' filters are the primary listing's; Q is
	// looked for in every listing of the event.
	OnePerEvent bool
}

// Page is one page of a Query. Next is "" when no more rows follow.
type Page struct {
	Rows []Row
	Next string
}

// Query returns one page of the events q selects. A cursor that does not
// decode is an error wrapping ErrBadCursor. Paging is by keyset: rows inserted
// behind the cursor are not seen, and no row is repeated or skipped.
func (s *Store) Query(ctx context.Context, q Query) (Page, error) {
	if q.Order != ByStart && q.Order != ByAnnounced {
		return Page{}, fmt.Errorf("query: unknown order %d", q.Order)
	}
	switch {
	case q.Limit <= 0:
		q.Limit = 50
	case q.Limit > 500:
		q.Limit = 500
	}
	var after *cursor
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor, q.Order)
		if err != nil {
			return Page{}, err
		}
		after = &c
	}
	rows, err := s.db.query(ctx, q, after)
	if err != nil {
		return Page{}, err
	}
	var p Page
	if len(rows) > q.Limit {
		rows = rows[:q.Limit]
		last := rows[len(rows)-1]
		c := cursor{Order: q.Order, ID: last.ID, At: last.StartsAt}
		if q.Order == ByAnnounced {
			c.At = last.FirstSeenAt
		}
		p.Next = c.encode()
	}
	p.Rows = rows
	if q.OnePerEvent && len(rows) > 0 {
		if err := s.attachOthers(ctx, p.Rows); err != nil {
			return Page{}, err
		}
	}
	return p, nil
}

// attachOthers sets the Others of each row from the table.
func (s *Store) attachOthers(ctx context.Context, rows []Row) error {
	events := make([]string, len(rows))
	for i := range rows {
		events[i] = rows[i].CanonicalID
	}
	others, err := s.db.others(ctx, events)
	if err != nil {
		return fmt.Errorf("query the other listings of %d events: %w", len(events), err)
	}
	by := map[string][]Row{}
	for _, o := range others {
		by[o.CanonicalID] = append(by[o.CanonicalID], o)
	}
	for i := range rows {
		os := by[rows[i].CanonicalID]
		slices.SortFunc(os, func(a, b Row) int {
			ma, mb := a.member(), b.member()
			if dedup.Better(&ma, &mb) {
				return -1
			}
			return 1
		})
		rows[i].Others = os
	}
	return nil
}

func (r *Row) member() dedup.Member {
	return dedup.Member{Event: r.Event, Canonical: r.CanonicalID, FirstSeen: r.FirstSeenAt, Primary: r.Primary}
}

// Get returns the stored event id, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Row, error) { return s.db.get(ctx, id) }

// Stamp identifies the table's state for ETag / Last-Modified and cache
// invalidation.
type Stamp struct {
	Count      int64     // the number of stored events
	LastChange time.Time // moves forward with every committed change of stored content or classification
}

// Stamp returns the table's stamp: a count and one row read. LastChange is
// kept in a one-row table moved by every Upsert that inserts a row or changes
// content or classification, in commit order, so it is never earlier than
// any row's updated_at and a re-upsert of unchanged events leaves it alone.
func (s *Store) Stamp(ctx context.Context) (Stamp, error) { return s.db.stamp(ctx) }

// OtherRules returns up to limit stored events (as full records, from their
// columns, without the canonical id) whose rules_version differs from version, with id > after,
// ordered by id (for `kouryu reclassify`). limit <= 0 means 100.
func (s *Store) OtherRules(ctx context.Context, version, after string, limit int) ([]event.Event, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.db.otherRules(ctx, version, after, limit)
	if err != nil {
		return nil, fmt.Errorf("select events of other rules than %q: %w", version, err)
	}
	out := make([]event.Event, len(rows))
	for i, r := range rows {
		out[i] = r.Event
		// The record as the pipeline carries it: the publisher sets the
		// canonical id again when it comes back.
		out[i].CanonicalID = ""
	}
	return out, nil
}

// incoming is one event of a batch, ready to be written.
type incoming struct {
	ev      event.Event
	hash    string
	key     string // dedup.MatchKey
	search  string // SQLite only: searchText(ev)
	reasons []byte // JSON array, never null
}

// prepare validates the batch, keeps the last of each id in order of first
// appearance, and computes the derived columns (search only when withSearch).
func prepare(evs []event.Event, withSearch bool) ([]incoming, error) {
	pos := make(map[string]int, len(evs))
	out := make([]incoming, 0, len(evs))
	for i := range evs {
		e := evs[i]
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("upsert event %d (id %q): %w", i, e.ID, err)
		}
		reasons := e.Reasons
		if reasons == nil {
			reasons = []string{}
		}
		rb, err := json.Marshal(reasons)
		if err != nil {
			return nil, fmt.Errorf("encode reasons of %q: %w", e.ID, err)
		}
		if e.Status == "" {
			e.Status = event.StatusScheduled
		}
		in := incoming{ev: e, hash: e.ContentHash(), key: dedup.MatchKey(&e), reasons: rb}
		if withSearch {
			in.search = searchText(e)
		}
		if j, ok := pos[e.ID]; ok {
			out[j] = in
			continue
		}
		pos[e.ID] = len(out)
		out = append(out, in)
	}
	return out, nil
}

// fold is the form both the stored search text and Query.Q are compared in:
// NFKC (full-width Ｂ and half-width ｶﾅ become B and カナ), then lower case.
func fold(s string) string { return strings.ToLower(norm.NFKC.String(s)) }

func searchText(e event.Event) string {
	return fold(e.Title) + "\n" + fold(e.Description) + "\n" + fold(e.Venue) + "\n" + fold(e.Organizer)
}

// areaUpper is the exclusive upper bound of the areas that start with prefix
// in byte (code point) order: prefix followed by the highest code point.
func areaUpper(prefix string) string { return prefix + "\U0010FFFF" }

// cursor is the keyset position after the last row of a page.
type cursor struct {
	Order Order     `json:"o"`
	At    time.Time `json:"t"` // starts_at or first_seen_at of the last row
	ID    string    `json:"i"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c) // a struct of plain fields always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, o Order) (cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return cursor{}, fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	if c.Order != o || c.ID == "" || c.At.IsZero() {
		return cursor{}, fmt.Errorf("%w: not a cursor of this order", ErrBadCursor)
	}
	return c, nil
}

// inTokyo returns t in Tokyo, or the zero time for a zero t.
func inTokyo(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(event.Tokyo)
}
