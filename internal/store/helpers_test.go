package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/pgtest"
	"kouryu/internal/testutil"
)

// postgresConfig returns a Config whose search_path is a fresh schema,
// dropped when t ends. PostgreSQL unreachable: skip locally, fail under CI.
func postgresConfig(t testing.TB) Config {
	return Config{URL: pgtest.URL(t), MaxConns: 8}
}

type testBackend struct {
	name   string
	config func(testing.TB) Config
}

var backends = []testBackend{
	{"sqlite", func(t testing.TB) Config { return Config{Path: filepath.Join(t.TempDir(), "sub", "kouryu.db")} }},
	{"postgres", postgresConfig},
}

// eachBackend runs f once per backend, each with an empty database of its
// own (a temporary SQLite file, a fresh PostgreSQL schema), side by side.
func eachBackend(t *testing.T, f func(t *testing.T, cfg Config)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel() // each backend's database is the test's own
			f(t, b.config(t))
		})
	}
}

func openStore(t testing.TB, cfg Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), cfg, testutil.Logger(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// jst is a time in Tokyo.
func jst(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, event.Tokyo)
}

// newEvent returns a valid, classified event number n starting at start.
func newEvent(n int, start time.Time) event.Event {
	u := fmt.Sprintf("https://www.example-cci.jp/event/%d", n)
	e := event.Event{
		ID:           event.ID("example-cci", u, start, ""),
		Source:       "example-cci",
		URL:          u,
		Title:        fmt.Sprintf("第%d回 ビジネス交流会", n),
		Description:  "名刺交換と情報交換の会です。",
		StartsAt:     start,
		EndsAt:       start.Add(2 * time.Hour),
		Venue:        "例会館 3階ホール",
		Area:         "大阪市北区",
		Organizer:    "例商工会議所",
		Fee:          "1,000円",
		Status:       event.StatusScheduled,
		FetchedAt:    jst(2026, 1, 5, 9, 0),
		Label:        event.CrossIndustry,
		Score:        0.8,
		Reasons:      []string{"title: 交流会", "description: 名刺交換"},
		RulesVersion: "v1",
	}
	e.Normalize()
	return e
}

func upsert(t testing.TB, s *Store, evs ...event.Event) UpsertResult {
	t.Helper()
	r, err := s.Upsert(context.Background(), evs)
	if err != nil {
		t.Fatalf("upsert: %v", err)
	}
	return r
}

func get(t testing.TB, s *Store, id string) Row {
	t.Helper()
	r, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return r
}

func ids(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}
